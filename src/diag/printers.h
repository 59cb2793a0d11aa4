// Renders the engine's findings as text (compiler style), JSON or SARIF 2.1.0.
#pragma once

#include <ostream>
#include <string>

#include "diag/diagnostic.h"

namespace plangen {

enum class OutputFormat { kText, kJson, kSarif };

struct TextOptions {
  bool color = false;        ///< ANSI colours (only on a terminal, never with NO_COLOR)
  bool summary = true;       ///< closing "N errors, N warnings" line
  bool output_names = false; ///< files named as in outputs (SourceManager::OutputName), for report/
};

/// `file:line:col: severity: message [PGnnnn]`, the source line and a caret; notes follow.
void PrintText(const DiagEngine& engine, std::ostream& out, const TextOptions& options);
/// One finding as text, without the summary (used by tests).
std::string FormatText(const DiagEngine& engine, const Diagnostic& d, bool color = false);
/// The JSON document of SPEC 3: {"findings":[...],"waived":[...],"summary":{...}}.
/// `output_names`: files named as in outputs (SourceManager::OutputName), for report/.
void PrintJson(const DiagEngine& engine, std::ostream& out, bool output_names = false);
/// A SARIF 2.1.0 log with one run.
void PrintSarif(const DiagEngine& engine, std::ostream& out, const std::string& tool_version,
                bool output_names = false);
/// "2 errors, 1 warning and 3 notes", or "no findings".
std::string SummaryLine(const DiagEngine& engine);

}  // namespace plangen
