// plangen diff: loads both versions (no profile, no checks: a plan with errors can still be
// compared) and prints diff::DiffPlans as text, JSON or Markdown.
#include "driver/diff_command.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "diag/printers.h"
#include "diff/plan_diff.h"
#include "driver/common_options.h"
#include "driver/plan_version.h"
#include "load/plan_loader.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

std::string MarkdownEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '|') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

CommandSpec DiffSpec() {
  CommandSpec s;
  s.name = "diff";
  s.summary = "say what changed in a plan's meaning";
  s.description =
      "Compare two versions of a plan and say, in words, what changed in its meaning: backups, locations,\n"
      "schedules, scenarios and their steps, roles, validation checks, governance, topology. Formatting,\n"
      "comments, the order of id-keyed elements and the case of FQDNs are not changes; the order of steps\n"
      "is. Approvals and last-reviewed are left out, as they are from the plan digest. OLD may be an\n"
      "audit package: the plan it was built from is compared.";
  s.positionals = {{"OLD", "the approved plan, or an audit package", true, Completion::kFile},
                   {"NEW", "the plan as it is now", true, Completion::kFile}};
  s.options = {Value("format", "FORMAT", "print the changes as text, json or markdown", "text", Completion::kChoice,
                     {"text", "json", "markdown"}),
               ColorOptionSpec(),
               HelpOptionSpec()};
  s.exit_codes = {{"0", "the meaning is the same (only the formatting differs, if anything)"},
                  {"1", "the meaning changed (each change is printed)"},
                  {"2", "bad usage, or a plan that cannot be read"}};
  s.examples = {"plangen diff out/audit/contoso-lync-v4-2026-12-01.zip plan.xml", "plangen diff old/plan.xml plan.xml --format markdown"};
  return s;
}

int RunDiff(const ParsedArgs& r, const Environment& env) {
  const std::string format = r.Get("format", "text");
  if (format != "text" && format != "json" && format != "markdown") {
    return UsageError("diff", "--format takes text, json or markdown, not '" + format + "'");
  }
  const std::string old_path = r.Positional("OLD"), new_path = r.Positional("NEW");
  SourceManager sm;
  DiagEngine diags(sm);
  TempDir scratch;
  Plan before, after;
  std::string error;
  const bool ok = LoadPlanVersion(old_path, scratch, &before, sm, diags, &error) &&
                  LoadPlanVersion(new_path, scratch, &after, sm, diags, &error);
  if (!error.empty()) std::cerr << "plangen diff: " << error << "\n";
  if (diags.HasErrors()) {
    TextOptions t;
    t.color = env.UseColor(env.stderr_is_terminal);
    PrintText(diags, std::cerr, t);
  }
  if (!ok) {
    std::cerr << "plangen diff: nothing compared\n";
    return 2;
  }
  const std::vector<diff::PlanChange> changes = diff::DiffPlans(before, after);
  if (format == "json") {
    nlohmann::ordered_json j;
    j["old"] = old_path;
    j["new"] = new_path;
    j["changed"] = !changes.empty();
    j["changes"] = nlohmann::ordered_json::array();
    for (const diff::PlanChange& c : changes) {
      nlohmann::ordered_json x;
      x["area"] = c.area;
      x["id"] = c.id;
      x["change"] = diff::ChangeKindName(c.kind);
      x["field"] = c.field;
      x["before"] = c.before;
      x["after"] = c.after;
      x["roles"] = c.roles;
      x["text"] = c.Describe();
      j["changes"].push_back(x);
    }
    std::cout << j.dump(2) << "\n";
  } else if (format == "markdown") {
    std::cout << "# Changes to the plan\n\nFrom `" << old_path << "` to `" << new_path << "`.\n\n";
    if (changes.empty()) std::cout << "No change of meaning.\n";
    for (const diff::PlanChange& c : changes) std::cout << "- " << MarkdownEscape(c.Describe()) << "\n";
  } else {
    for (const diff::PlanChange& c : changes) std::cout << c.Describe() << "\n";
    std::cout << (changes.empty() ? std::string("no change of meaning")
                                  : std::to_string(changes.size()) + (changes.size() == 1 ? " change" : " changes"))
              << "\n";
  }
  return changes.empty() ? 0 : 1;
}

}  // namespace plangen
