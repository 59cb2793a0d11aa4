// Turning raw worksheet values into what Excel shows: numbers, booleans, date serials, number formats.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace plangen::sheets {

/// Parses a decimal number as Excel writes it ("3", "-1.5", "1.1100000000000001", "1E-3").
/// Surrounding blanks are allowed; NaN, infinities and anything else are not.
std::optional<double> ParseNumber(const std::string& text);
/// Shortest text that reads back as the same double: "3", "2.5", "1.11", "1e+20"; -0 is "0".
std::string FormatNumber(double value);

/// The serial number (1900 date system, with Excel's phantom 1900-02-29) of an ISO 8601 date and
/// time as SpreadsheetML writes it: "2026-10-01T02:30:00.000", "2026-10-01T02:30:00", "2026-10-01".
std::optional<double> ParseIsoDateTime(const std::string& text);
/// A 1900-system serial as ISO 8601: "2026-10-01" when the time rounds to midnight, else
/// "2026-10-01T02:30:00" (to the nearest second). Serial 60 is "1900-02-29", as Excel shows it.
std::string FormatSerial(double serial);
/// Days between the 1904 and the 1900 date systems: serial1900 = serial1904 + k1904Offset.
constexpr double k1904Offset = 1462;

/// True when a built-in number format id shows a date or a time (14-22, 45-47).
bool IsBuiltinDateFormat(uint32_t num_fmt_id);
/// True when a custom number format code shows a date or a time: it holds d, m, y, h or s outside
/// quoted text, [brackets], escaped characters and fill/padding characters.
bool IsDateFormatCode(const std::string& code);

/// Parses a whole number written with digits only ("7", "0"); nullopt for anything else (sign,
/// blanks, empty). Numbers too large for 64 bits saturate to UINT64_MAX: they are out of any range.
std::optional<uint64_t> ParseWhole(const char* text);

}  // namespace plangen::sheets
