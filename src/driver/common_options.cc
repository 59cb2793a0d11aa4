#include "driver/common_options.h"

#include "plangen_config.h"

namespace plangen {

std::vector<OptionSpec> CompileOptionSpecs() {
  return {Value("as-of", "DATE", "judge the plan as of DATE (YYYY-MM-DD)", "today"),
          Value("format", "FORMAT", "print the findings as text, json or sarif", "text", Completion::kChoice,
                {"text", "json", "sarif"}),
          Flag("werror", "treat warnings as errors"),
          Repeated("W", "CODE=LEVEL", "set a code's severity: CODE=off|note|warning|error[:reason]", 'W'),
          Value("max-errors", "N", "stop after N errors (0: no limit)", "200"),
          Value("profiles", "DIR", "also look for profiles in DIR", "", Completion::kDir),
          Values("worksheets", "FILE|DIR", "returned worksheets (.xlsx or SpreadsheetML files, or folders of them)",
                 Completion::kFile),
          Value("topology", "FILE", "compare the plan with a topology file (.tbxml or Get-CsTopology -AsXml)", "",
                Completion::kFile),
          Values("evidence", "FILE|DIR", "evidence the backup and restoration scripts wrote (CSV files, or folders of them)",
                 Completion::kFile),
          ColorOptionSpec(),
          HelpOptionSpec()};
}

OptionSpec ColorOptionSpec() {
  return Value("color", "WHEN", "colour the findings: auto (on a terminal, unless NO_COLOR is set), always or never",
               "auto", Completion::kChoice, {"auto", "always", "never"});
}

OptionSpec HelpOptionSpec() { return Flag("help", "show this help", 'h'); }

std::vector<std::pair<std::string, std::string>> CheckExitCodes() {
  return {{"0", "no errors (warnings and notes may remain)"},
          {"1", "the plan has errors"},
          {"2", "bad usage, or an input that cannot be read"}};
}

bool ReadCompileOptions(const ParsedArgs& r, const Environment& env, CompileOptions* out, OutputFormat* format,
                        std::string* error) {
  out->as_of = env.today;
  if (r.Has("as-of")) {
    auto d = ParseDate(r.Get("as-of"));
    if (!d) {
      *error = "--as-of takes a date such as 2026-12-01, not '" + r.Get("as-of") + "'";
      return false;
    }
    out->as_of = *d;
  }
  std::string f = r.Get("format", "text");
  if (f == "text") *format = OutputFormat::kText;
  else if (f == "json") *format = OutputFormat::kJson;
  else if (f == "sarif") *format = OutputFormat::kSarif;
  else {
    *error = "--format takes text, json or sarif, not '" + f + "'";
    return false;
  }
  out->werror = r.Has("werror");
  const std::string max = r.Get("max-errors", "200");
  try {
    size_t used = 0;
    out->max_errors = std::stoi(max, &used);
    if (used != max.size() || out->max_errors < 0) throw std::invalid_argument(max);
  } catch (const std::exception&) {
    *error = "--max-errors takes a number of errors (0: no limit), not '" + max + "'";
    return false;
  }
  out->severity_flags = r.GetAll("W");
  out->profiles_dir = r.Get("profiles");
  out->worksheets = r.GetAll("worksheets");
  out->topology = r.Get("topology");
  out->evidence = r.GetAll("evidence");
  return true;
}

bool ReadColorOption(const ParsedArgs& r, Environment* env, std::string* error) {
  const std::string c = r.Get("color", "auto");
  if (c == "auto") env->color = ColorChoice::kAuto;
  else if (c == "always") env->color = ColorChoice::kAlways;
  else if (c == "never") env->color = ColorChoice::kNever;
  else {
    *error = "--color takes auto, always or never, not '" + c + "'";
    return false;
  }
  return true;
}

void PrintFindings(const Compilation& c, OutputFormat format, const Environment& env, std::ostream& out) {
  switch (format) {
    case OutputFormat::kText: {
      TextOptions t;
      t.color = env.UseColor(env.stdout_is_terminal);
      PrintText(c.diags, out, t);
      break;
    }
    case OutputFormat::kJson: PrintJson(c.diags, out); break;
    case OutputFormat::kSarif: PrintSarif(c.diags, out, PLANGEN_VERSION); break;
  }
}

int ExitCode(const Compilation& c) {
  if (c.unreadable) return 2;
  return c.diags.HasErrors() ? 1 : 0;
}

int UsageError(const std::string& cmd, const std::string& message) {
  std::cerr << "plangen" << (cmd.empty() ? "" : " " + cmd) << ": " << message << "\n";
  const Command* c = cmd.empty() ? nullptr : FindCommand(cmd);
  if (c) std::cerr << UsageLine(c->spec) << "\n";
  else std::cerr << "usage: plangen <command> [options]\n";
  std::cerr << "Try 'plangen " << (cmd.empty() ? "help" : "help " + cmd) << "'.\n";
  return 2;
}

}  // namespace plangen
