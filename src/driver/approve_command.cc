// plangen approve: the plan is compiled first (an approval of a plan with errors is refused), then
// one <approval> element is spliced into the bytes of the file that holds <governance>, and the
// result replaces the file through a temporary file in the same folder.
#include "driver/approve_command.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <pugixml.hpp>
#include <sstream>

#include "check/plan_digest.h"
#include "driver/approval_edit.h"
#include "driver/common_options.h"
#include "util/edit_distance.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

bool ReadBytes(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return static_cast<bool>(in) || in.eof();
}

// Writes `bytes` to a new file beside `target` (O_EXCL), with `target`'s permissions, flushes it to
// disk and renames it over `target`: readers see the old file or the new one, never half of one.
bool ReplaceFileAtomically(const std::string& target, const std::string& bytes, std::string* error) {
  struct stat st;
  mode_t mode = 0644;
  if (stat(target.c_str(), &st) == 0) mode = st.st_mode & 07777;
  std::string tmpl = (fs::path(target).parent_path() / ("." + fs::path(target).filename().string() + ".plangen-XXXXXX")).string();
  if (fs::path(target).parent_path().empty()) tmpl = "." + fs::path(target).filename().string() + ".plangen-XXXXXX";
  int fd = mkstemp(tmpl.data());  // O_CREAT | O_EXCL
  if (fd < 0) {
    *error = "cannot create a temporary file beside '" + target + "': " + std::strerror(errno);
    return false;
  }
  bool ok = fchmod(fd, mode) == 0;
  size_t done = 0;
  while (ok && done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ok && fsync(fd) == 0;
  int saved = errno;
  ok = close(fd) == 0 && ok;
  if (ok && rename(tmpl.c_str(), target.c_str()) != 0) {
    saved = errno;
    ok = false;
  }
  if (!ok) {
    unlink(tmpl.c_str());
    *error = "cannot write '" + target + "': " + std::strerror(saved);
  }
  return ok;
}

// Findings that an approval itself settles: they do not stop one being recorded.
bool SettledByApproval(DiagId id) { return id == DiagId::err_approval_missing || id == DiagId::err_approval_stale; }

}  // namespace

CommandSpec ApproveSpec() {
  CommandSpec s;
  s.name = "approve";
  s.summary = "record an approval in the plan";
  s.description =
      "Record a business or technical approval of the plan as it is now: the role, the date (today or\n"
      "--as-of), the plan's version and its digest. The plan file is edited in place: one <approval> element\n"
      "is added to <governance> (or replaces this role's approval of the same kind and version), with the\n"
      "file's own indentation and line endings; nothing else in the file changes. A plan with errors is not\n"
      "approved (missing or stale approvals excepted).";
  s.positionals = {{"PLAN", "the plan file", true, Completion::kFile}};
  s.options = {Value("role", "ROLE", "the approving role's id (from <roles>)"),
               Value("kind", "KIND", "business or technical", "", Completion::kChoice, {"business", "technical"}),
               Value("comment", "TEXT", "what the approval says (the element's text)"),
               Value("as-of", "DATE", "the date of the approval, and the date the plan is judged at (YYYY-MM-DD)", "today"),
               Value("profiles", "DIR", "also look for profiles in DIR", "", Completion::kDir),
               ColorOptionSpec(),
               HelpOptionSpec()};
  s.exit_codes = {{"0", "the approval is recorded"},
                  {"1", "the plan has errors, so nothing is recorded (the findings are printed)"},
                  {"2", "bad usage, an unknown role, or a plan that cannot be read or edited"}};
  s.examples = {"plangen approve plan.xml --role cio --kind business --comment \"Approved after the October review.\""};
  return s;
}

int RunApprove(const ParsedArgs& r, const Environment& env) {
  if (!r.Has("role")) return UsageError("approve", "give the approving role with --role ROLE");
  if (!r.Has("kind")) return UsageError("approve", "give the kind of approval with --kind business|technical");
  const std::string kind = r.Get("kind"), role = r.Get("role");
  if (kind != "business" && kind != "technical") {
    return UsageError("approve", "--kind takes business or technical, not '" + kind + "'");
  }
  CompileOptions copt;
  copt.plan_path = r.Positional("PLAN");
  copt.as_of = env.today;
  copt.profiles_dir = r.Get("profiles");
  if (r.Has("as-of")) {
    auto d = ParseDate(r.Get("as-of"));
    if (!d) return UsageError("approve", "--as-of takes a date such as 2026-12-01, not '" + r.Get("as-of") + "'");
    copt.as_of = *d;
  }
  Compilation c;
  Compile(copt, c);
  if (!c.plan_read || c.unreadable) {
    PrintFindings(c, OutputFormat::kText, env, std::cout);
    std::cerr << "plangen approve: the plan cannot be read; nothing recorded\n";
    return 2;
  }
  bool blocking = false;
  for (const Diagnostic* d : c.diags.Sorted()) {
    blocking = blocking || (d->severity == Severity::kError && !SettledByApproval(d->id));
  }
  if (blocking) {
    PrintFindings(c, OutputFormat::kText, env, std::cout);
    std::cerr << "plangen approve: the plan has errors; fix them before it is approved (nothing recorded)\n";
    return 1;
  }
  const Plan& plan = c.plan;
  if (!plan.FindRole(role)) {
    std::vector<std::string> ids;
    for (const Role& x : plan.roles) ids.push_back(x.id.value);
    std::string s = Suggest(role, ids);
    return UsageError("approve", "the plan has no role '" + role + "'" + (s.empty() ? "" : "; did you mean '" + s + "'?"));
  }
  if (!plan.governance.present || !plan.governance.loc.valid()) {
    std::cerr << "plangen approve: the plan has no <governance> element to record the approval in; add one\n";
    return 2;
  }
  const int32_t file = plan.governance.loc.file;
  const std::string path = c.sources.Name(file);
  std::string bytes;
  if (!ReadBytes(path, &bytes)) {
    std::cerr << "plangen approve: cannot read '" << path << "'\n";
    return 2;
  }
  if (bytes != c.sources.Text(file)) {
    std::cerr << "plangen approve: '" << path << "' is not stored as UTF-8, so it cannot be edited byte for byte; "
                 "save it as UTF-8 or add the approval by hand\n";
    return 2;
  }
  ApprovalRecord rec;
  rec.kind = kind;
  rec.by = role;
  rec.date = FormatDate(copt.as_of);
  rec.plan_version = plan.version.value;
  rec.digest = check::PlanDigest(plan);
  rec.comment = r.Get("comment");
  ApprovalEdit edit;
  std::string error;
  if (!EditApproval(bytes, plan.governance.loc.offset, rec, &edit, &error)) {
    std::cerr << "plangen approve: cannot edit '" << path << "': " << error << "; nothing recorded\n";
    return 2;
  }
  pugi::xml_document check_doc;
  if (!check_doc.load_buffer(edit.text.data(), edit.text.size(), pugi::parse_default, pugi::encoding_utf8)) {
    std::cerr << "plangen approve: the edited '" << path << "' would not be well-formed XML; nothing recorded\n";
    return 2;
  }
  if (!ReplaceFileAtomically(path, edit.text, &error)) {
    std::cerr << "plangen approve: " << error << "; nothing recorded\n";
    return 2;
  }
  int line = 1;
  for (size_t i = 0; i < edit.offset && i < edit.text.size(); ++i) line += edit.text[i] == '\n';
  std::cout << "plangen approve: " << (edit.replaced ? "replaced" : "recorded") << " the " << kind << " approval by '" << role
            << "' of version " << rec.plan_version << " (" << rec.digest << ") at " << path << ":" << line << "\n";
  return 0;
}

}  // namespace plangen
