#include "driver/common_options.h"

#include "plangen_config.h"

namespace plangen {

void AddCompileOptions(cxxopts::Options& o) {
  o.add_options()
      ("as-of", "judge the plan as of DATE (YYYY-MM-DD); default today", cxxopts::value<std::string>())
      ("format", "findings as text, json or sarif", cxxopts::value<std::string>()->default_value("text"))
      ("werror", "treat warnings as errors")
      ("W", "set a code's severity: CODE=off|note|warning|error[:reason]", cxxopts::value<std::vector<std::string>>())
      ("max-errors", "stop after N errors (0: no limit)", cxxopts::value<int>()->default_value("200"))
      ("profiles", "also look for profiles in DIR", cxxopts::value<std::string>())
      ("worksheets", "returned worksheets (files or folders)", cxxopts::value<std::vector<std::string>>())
      ("topology", "compare the plan with a topology file", cxxopts::value<std::string>())
      ("h,help", "show this help");
}

bool ReadCompileOptions(const cxxopts::ParseResult& r, const Environment& env, CompileOptions* out,
                        OutputFormat* format, std::string* error) {
  out->as_of = env.today;
  if (r.count("as-of")) {
    auto d = ParseDate(r["as-of"].as<std::string>());
    if (!d) {
      *error = "--as-of takes a date such as 2026-12-01, not '" + r["as-of"].as<std::string>() + "'";
      return false;
    }
    out->as_of = *d;
  }
  std::string f = r["format"].as<std::string>();
  if (f == "text") *format = OutputFormat::kText;
  else if (f == "json") *format = OutputFormat::kJson;
  else if (f == "sarif") *format = OutputFormat::kSarif;
  else {
    *error = "--format takes text, json or sarif, not '" + f + "'";
    return false;
  }
  out->werror = r.count("werror") > 0;
  out->max_errors = r["max-errors"].as<int>();
  if (r.count("W")) out->severity_flags = r["W"].as<std::vector<std::string>>();
  if (r.count("profiles")) out->profiles_dir = r["profiles"].as<std::string>();
  if (r.count("worksheets")) out->worksheets = r["worksheets"].as<std::vector<std::string>>();
  if (r.count("topology")) out->topology = r["topology"].as<std::string>();
  return true;
}

void PrintFindings(const Compilation& c, OutputFormat format, const Environment& env, std::ostream& out) {
  switch (format) {
    case OutputFormat::kText: {
      TextOptions t;
      t.color = env.stdout_is_terminal && !env.no_color;
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

bool ParseCommandArgs(cxxopts::Options& o, const std::string& cmd, const std::vector<std::string>& args,
                      cxxopts::ParseResult* r, int* exit) {
  std::vector<const char*> argv{"plangen"};
  for (const auto& a : args) argv.push_back(a.c_str());
  try {
    *r = o.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const cxxopts::exceptions::exception& e) {
    *exit = UsageError(cmd, e.what());
    return false;
  }
  if (r->count("help")) {
    std::cout << o.help() << "\n";
    *exit = 0;
    return false;
  }
  return true;
}

int UsageError(const std::string& cmd, const std::string& message) {
  std::cerr << "plangen" << (cmd.empty() ? "" : " " + cmd) << ": " << message << "\n";
  std::cerr << "Try 'plangen " << (cmd.empty() ? "" : cmd + " ") << "--help'.\n";
  return 2;
}

}  // namespace plangen
