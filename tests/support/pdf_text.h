// A PDF read back by poppler-utils (pdftotext, pdfinfo), for the tests of the PDF outputs. Check
// for the programs first with HaveOutsideProgram (outside_program.h).
#pragma once

#include <string>

namespace plangen::testing {

/// The text pdftotext reads from the PDF at `path`, in UTF-8, each page ending in a form feed;
/// with `raw`, in the order of the content stream (-raw). "" when it cannot be read.
std::string PdfText(const std::string& path, bool raw = false);

/// What pdfinfo says of the PDF at `path`, its dates in ISO 8601 (-isodates).
std::string PdfInfo(const std::string& path);

/// The page count in pdfinfo's output `info`, or -1 when it has none.
int PdfPages(const std::string& info);

}  // namespace plangen::testing
