#include "driver/commands.h"
#include "driver/shell_docs.h"
#include "driver/watch.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

#include "check/plan_digest.h"
#include "diag/catalogue.h"
#include "diag/printers.h"
#include "audit/output_tree.h"
#include "audit/package.h"
#include "driver/audit_package.h"
#include "driver/build_record.h"
#include "driver/approve_command.h"
#include "driver/common_options.h"
#include "driver/diff_command.h"
#include "driver/distribution_build.h"
#include "driver/init_command.h"
#include "driver/verify_command.h"
#include "driver/write_outputs.h"
#include "emit/emitters.h"
#include "emit/output_reuse.h"
#include "plangen_config.h"
#include "util/data_dir.h"
#include "util/edit_distance.h"
#include "util/scratch_file.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

// After a clean check: the commands that come next, with the plan's path filled in.
std::string WhatNext(const std::string& plan) {
  return "next: 'plangen approve " + plan + " --role ROLE --kind business|technical' records an approval;\n"
         "      'plangen build " + plan + "' writes the runbooks, worksheets, checklists and the audit package\n";
}

// What a run of check or build read and found, for --watch: every finding on one line, the files
// read, and the folders whose every file counts.
WatchRun Watched(const Compilation& c, const std::string& plan_path, const std::vector<std::string>& trees) {
  WatchRun w;
  for (const Diagnostic* d : c.diags.Sorted()) {
    std::string text = FormatText(c.diags, *d);
    w.findings.push_back(text.substr(0, text.find('\n')));
  }
  w.files.push_back(plan_path);
  for (int32_t i = 0; i < c.sources.FileCount(); ++i) {
    const std::string& name = c.sources.Name(i);
    if (name.empty() || name[0] == '<') continue;
    if (std::find(w.files.begin(), w.files.end(), name) == w.files.end()) w.files.push_back(name);
  }
  for (const std::string& t : trees) {
    std::error_code ec;
    if (fs::is_directory(t, ec)) w.trees.push_back(t);
    else if (!t.empty() && std::find(w.files.begin(), w.files.end(), t) == w.files.end()) w.files.push_back(t);
  }
  return w;
}

// One check; prints the findings when `print`.
int CheckOnce(const ParsedArgs& r, const Environment& env, const CompileOptions& copt, OutputFormat format, Compilation& c,
              bool print) {
  std::string error;
  ApplySeverityFlags(copt.severity_flags, c.diags, &error);  // already accepted once
  Compile(copt, c);
  if (!print) return ExitCode(c);
  if (r.Has("digest") && c.plan_read) std::cout << "plan digest: " << check::PlanDigest(c.plan) << "\n";
  PrintFindings(c, format, env, std::cout);
  const int exit = ExitCode(c);
  if (exit == 0 && format == OutputFormat::kText && !r.Has("watch")) std::cout << WhatNext(copt.plan_path);
  return exit;
}

// The folders and files a change to which starts another run, besides those the run read.
std::vector<std::string> WatchedTrees(const ParsedArgs& r, bool templates) {
  std::vector<std::string> out = r.GetAll("worksheets");
  for (const std::string& e : r.GetAll("evidence")) out.push_back(e);
  if (r.Has("topology")) out.push_back(r.Get("topology"));
  if (r.Has("profiles")) out.push_back(r.Get("profiles"));
  if (templates) {
    if (r.Has("templates")) out.push_back(r.Get("templates"));
    out.push_back(DataDir() + "/templates");
  }
  return out;
}

int RunCheck(const ParsedArgs& r, const Environment& env) {
  CompileOptions copt;
  OutputFormat format = OutputFormat::kText;
  std::string error;
  if (!ReadCompileOptions(r, env, &copt, &format, &error)) return UsageError("check", error);
  copt.plan_path = r.Positional("PLAN", "plan.xml");
  {
    Compilation probe;
    if (!ApplySeverityFlags(copt.severity_flags, probe.diags, &error)) return UsageError("check", error);
  }
  if (r.Has("watch")) {
    if (format != OutputFormat::kText) return UsageError("check", "--watch prints text; it cannot be used with --format " + r.Get("format"));
    return WatchLoop("check", [&](bool first) {
      Compilation c;
      CheckOnce(r, env, copt, format, c, first);
      return Watched(c, copt.plan_path, WatchedTrees(r, false));
    });
  }
  Compilation c;
  return CheckOnce(r, env, copt, format, c, true);
}

// --jobs N: a whole number from 1 to 256; without it, the number of cores.
bool ReadJobs(const ParsedArgs& r, unsigned* jobs, std::string* error) {
  *jobs = std::max(1u, std::thread::hardware_concurrency());
  if (!r.Has("jobs")) return true;
  const std::string text = r.Get("jobs");
  size_t used = 0;
  long n = 0;
  try {
    n = std::stol(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (text.empty() || used != text.size() || n < 1 || n > 256) {
    *error = "--jobs takes a number of threads from 1 to 256, not '" + text + "'";
    return false;
  }
  *jobs = static_cast<unsigned>(n);
  return true;
}

// One build; prints the findings when `print`, and says in *status whether outputs were written.
int BuildOnce(const ParsedArgs& r, const Environment& env, Compilation& c, bool print, std::string* status) {
  CompileOptions copt;
  OutputFormat format = OutputFormat::kText;
  std::string error;
  if (!ReadCompileOptions(r, env, &copt, &format, &error)) return UsageError("build", error);
  copt.plan_path = r.Positional("PLAN", "plan.xml");
  const std::string out_dir = r.Get("output", "out");
  const bool draft = r.Has("draft");
  const std::optional<Paper> paper = ParsePaper(r.Get("paper", "a4"));
  if (!paper) return UsageError("build", "--paper takes a4 or letter, not '" + r.Get("paper") + "'");
  const bool progress = env.stderr_is_terminal && !r.Has("quiet");
  if (!ApplySeverityFlags(copt.severity_flags, c.diags, &error)) return UsageError("build", error);
  const bool force = r.Has("force") || (r.Has("watch") && !print);  // later runs replace what the first wrote
  *status = "plangen build: nothing written to " + out_dir;
  unsigned jobs = 0;
  if (!ReadJobs(r, &jobs, &error)) return UsageError("build", error);
  // Refused before any work: the user's folder is the one thing a build must never lose.
  if (!OutputDirReplaceable(out_dir, force, c.sources, c.diags)) {
    if (print) PrintFindings(c, format, env, std::cout);
    return 2;
  }
  if (progress) std::cerr << "plangen: checking " << copt.plan_path << "\n";
  Compile(copt, c);
  if (!c.plan_read || !c.profile_read || (c.diags.HasErrors() && !draft)) {
    if (print) PrintFindings(c, format, env, std::cout);
    if (c.diags.HasErrors() && c.plan_read) std::cerr << "plangen build: no outputs written because the plan has errors (use --draft to emit anyway)\n";
    return ExitCode(c) == 0 ? 1 : ExitCode(c);
  }
  DistributionOptions dist;
  if (!PrepareDistribution(c, r.GetAll("role"), r.Get("since"), &dist, &error)) return UsageError("build", error);
  // Incremental: inputs and options as the last build into out_dir recorded them, and its tree
  // intact, mean the same tree again; the findings above are printed, nothing is written.
  const bool incremental = !r.Has("no-incremental");
  const BuildInputs build_inputs = ReadBuildInputs(r, copt, c);
  if (incremental && OutputTreeUpToDate(out_dir, build_inputs)) {
    *status = "plangen build: nothing changed since the last build; " + out_dir + " is up to date";
    if (print && !r.Has("quiet")) std::cerr << *status << "\n";
    if (print) PrintFindings(c, format, env, std::cout);
    return ExitCode(c);
  }
  const std::string compile_findings = FindingsFingerprint(c);
  TemplateSet templates(r.Get("templates"), DataDir() + "/templates");
  EmitContext ectx{c.plan, c.profile, copt.as_of, c.diags.HasErrors(), templates, c.diags, c.sources,
                   c.has_worksheets ? &c.returned : nullptr, c.has_evidence ? &c.evidence_entries : nullptr,
                   c.has_evidence ? &c.evidence.files : nullptr};
  ectx.plan_digest = check::PlanDigest(c.plan);
  ectx.paper = *paper;
  ectx.pdf = r.Has("pdf");
  ectx.jobs = jobs;
  // Outputs made from the same data as in the last build are copied from it (--no-incremental:
  // none); each output made is recorded with its key for the next build.
  OutputReuse reuse(build_inputs.render_base, out_dir,
                    incremental ? ReusableOutputs(out_dir) : std::map<std::string, OutputReuse::Previous>{});
  ectx.reuse = &reuse;
  // Each output goes into the staging directory as soon as it is made, rather than being held
  // until all are: the directory is swapped into place only when everything is written, and
  // removed otherwise.
  audit::StagedOutput staged;
  if (!BeginOutputs(out_dir, force, &staged, c.sources, c.diags)) {
    PrintFindings(c, format, env, std::cout);
    return c.unreadable ? 2 : 1;
  }
  // libxlsxwriter writes each part of each workbook to a file that it unlinks at once, so a build
  // killed at any moment leaves none behind: in a memory file system with room when there is one (a build
  // of 10,000 servers creates 22,000 of them, which on ext4 slows every later file creation
  // down), else beside the output, where the next build removes the folder a killed one left;
  // without a folder there yet, in $TMPDIR.
  audit::ScratchDir scratch;
  std::string no_scratch;
  ectx.scratch_dir = MemoryFileSystemDir();
  if (ectx.scratch_dir.empty() && scratch.Create(out_dir, &no_scratch)) ectx.scratch_dir = scratch.path();
  OutputSet outputs;
  outputs.WriteThrough(&staged);
  if (progress) std::cerr << "plangen: emitting outputs\n";
  bool emitted = EmitBuildOutputs(ectx, dist, outputs);
  // A package certifies a clean plan: a draft gets none, and neither does a build for some roles
  // only. It is assembled before anything is written and written into the staging directory with
  // the rest, so it is all or nothing too.
  AuditPackage package;
  const bool make_package = emitted && !ectx.draft && dist.roles.empty();
  if (make_package) {
    if (progress) std::cerr << "plangen: assembling the audit package\n";
    emitted = AssembleAuditPackage(copt, ectx, outputs, &package);
    package.info.sign_key_path = r.Get("sign");
  }
  if (emitted) {
    if (progress) std::cerr << "plangen: writing " << outputs.files().size() << " files to " << out_dir << "\n";
    WriteOptions wo;
    wo.force = force;
    StampCache stamps;
    std::string record_sha256;
    wo.before_commit = [&](const std::string& staging) {
      if (make_package) {
        std::error_code ec;
        fs::create_directories(fs::path(staging) / "audit", ec);
        if (!audit::WritePackage(staging + "/" + package.path, package.members, package.info, c.diags)) return false;
      }
      // The record goes last. A build whose emitters added findings records nothing, so the next
      // one emits again and prints them.
      if (FindingsFingerprint(c) != compile_findings) return true;
      std::string err;
      if (WriteBuildRecord(staging, out_dir, build_inputs, outputs, incremental, &stamps, &record_sha256, &err)) return true;
      int32_t f = c.sources.AddFile(out_dir + "/" + kBuildRecord, "", false);
      c.diags.Report(DiagId::err_output_unwritable, Loc::At(f, 0), {out_dir + "/" + kBuildRecord, err});
      return false;
    };
    emitted = WriteOutputs(outputs, out_dir, c.sources, c.diags, wo);
    if (emitted && !record_sha256.empty()) stamps.Save(out_dir, record_sha256);
  }
  if (emitted && print && !r.Has("quiet") && reuse.has_previous()) {
    std::cerr << "plangen build: " << reuse.reused() << " of " << reuse.reused() + reuse.made()
              << " outputs made from the same data as in the last build were reused; " << reuse.made()
              << " were made again\n";
  }
  if (ectx.draft && emitted) std::cerr << "plangen build: outputs marked DRAFT and no audit package, because the plan has errors\n";
  if (print) PrintFindings(c, format, env, std::cout);
  if (!emitted) return c.unreadable ? 2 : 1;
  *status = std::string("plangen build: ") + (ectx.draft ? "DRAFT " : "") + "outputs written to " + out_dir;
  return ExitCode(c);
}

int RunBuild(const ParsedArgs& r, const Environment& env) {
  std::string status;
  if (r.Has("watch")) {
    if (r.Get("format", "text") != "text") return UsageError("build", "--watch prints text; it cannot be used with --format " + r.Get("format"));
    {
      // Bad usage is reported once, before watching.
      CompileOptions copt;
      OutputFormat format = OutputFormat::kText;
      std::string error;
      Compilation probe;
      if (!ReadCompileOptions(r, env, &copt, &format, &error)) return UsageError("build", error);
      if (!ApplySeverityFlags(copt.severity_flags, probe.diags, &error)) return UsageError("build", error);
    }
    const std::string plan_path = r.Positional("PLAN", "plan.xml");
    return WatchLoop("build", [&](bool first) {
      Compilation c;
      std::string said;
      BuildOnce(r, env, c, first, &said);
      WatchRun w = Watched(c, plan_path, WatchedTrees(r, true));
      w.status = said;
      return w;
    });
  }
  Compilation c;
  return BuildOnce(r, env, c, true, &status);
}

int RunExplain(const ParsedArgs& r, const Environment&) {
  if (r.Has("list") || r.Has("markdown")) {
    if (r.Has("markdown")) {
      std::cout << CatalogueMarkdown();
      return 0;
    }
    for (DiagId id : AllDiagIds()) {
      const DiagInfo& info = Info(id);
      std::cout << CodeString(id) << "  " << SeverityName(info.severity) << "  " << info.format << "\n";
    }
    return 0;
  }
  if (!r.HasPositional("CODE")) return UsageError("explain", "give a code such as PG1101, or --list");
  std::string code = r.Positional("CODE");
  auto id = FindCode(code);
  if (!id) {
    std::vector<std::string> codes;
    for (DiagId d : AllDiagIds()) codes.push_back(CodeString(d));
    std::string s = Suggest(code, codes);
    return UsageError("explain", "unknown code '" + code + "'" + (s.empty() ? "" : "; did you mean '" + s + "'?"));
  }
  const DiagInfo& info = Info(*id);
  std::cout << CodeString(*id) << " (" << SeverityName(info.severity) << "): " << info.format << "\n\n"
            << (info.explanation[0] ? info.explanation : "A note attached to another finding.") << "\n";
  return 0;
}

int RunHelp(const ParsedArgs& r, const Environment&) {
  if (!r.HasPositional("COMMAND")) {
    std::cout << TopLevelHelp();
    return 0;
  }
  const std::string name = r.Positional("COMMAND");
  if (const Command* c = FindCommand(name)) {
    std::cout << CommandHelp(c->spec);
    return 0;
  }
  std::vector<std::string> names;
  for (const Command& c : Commands()) names.push_back(c.spec.name);
  std::string s = Suggest(name, names);
  return UsageError("help", "unknown command '" + name + "'" + (s.empty() ? "" : "; did you mean '" + s + "'?"));
}

std::vector<OptionSpec> With(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

CommandSpec CheckSpec() {
  CommandSpec s;
  s.name = "check";
  s.summary = "check a plan and print the findings";
  s.description = "Cross-check a plan, its profile, and any returned worksheets or topology, and print the findings.";
  s.positionals = {{"PLAN", "the plan file (default: plan.xml)", false, Completion::kFile}};
  s.options = With({Flag("digest", "also print the plan digest (what approvals record as digest=\"...\")"),
                    Flag("watch", "check again after every change to the plan, its parts, profile, worksheets or topology, "
                                  "printing the findings that appeared or went away; Ctrl-C stops")},
                   CompileOptionSpecs());
  s.exit_codes = CheckExitCodes();
  s.examples = {"plangen check plan.xml --as-of 2026-12-01",
                "plangen check plan.xml --worksheets returned/pool01.xlsx returned/pool02.xlsx"};
  return s;
}

CommandSpec BuildSpec() {
  CommandSpec s;
  s.name = "build";
  s.summary = "check a plan and emit every output";
  s.description = "Check a plan and emit runbooks, worksheets, checklists, calendars, the report and the audit package.\n"
                  "Nothing is written when the plan has errors, unless --draft.";
  s.positionals = {{"PLAN", "the plan file (default: plan.xml)", false, Completion::kFile}};
  s.options = With({Value("output", "DIR", "write the outputs into DIR", "out", Completion::kDir, {}, 'o'),
                    Value("templates", "DIR", "use templates from DIR first (restyle without recompiling)", "", Completion::kDir),
                    Flag("draft", "emit outputs marked DRAFT even when the plan has errors (no audit package then)"),
                    Value("sign", "KEY", "sign the audit package's MANIFEST with this Ed25519 private key (PEM)", "",
                          Completion::kFile),
                    Repeated("role", "ROLE", "build only what this role needs: its runbooks, calendar, scripts and bundle (repeatable)"),
                    Value("since", "PACKAGE", "open each role's bundle with what changed for it since this audit package (or plan)",
                          "", Completion::kFile),
                    Value("paper", "SIZE", "the paper the HTML runbooks, checklist and summary print on: a4 or letter", "a4",
                          Completion::kChoice, {"a4", "letter"}),
                    Flag("pdf", "also typeset every runbook and the checklist as PDF, on the --paper size"),
                    Flag("quiet", "no progress on stderr"),
                    Flag("watch", "build again after every change to the plan, its parts, profile, templates, worksheets "
                                  "or topology, printing the findings that appeared or went away; Ctrl-C stops"),
                    Flag("force", "replace the output directory even if plangen did not write it"),
                    Flag("no-incremental", "emit and write every output even when the inputs and options are those "
                                           "the output directory records from its last build"),
                    Value("jobs", "N", "emit the outputs on N threads; the outputs are the same for any N", "the number of cores",
                          Completion::kNone, {}, 'j')},
                   CompileOptionSpecs());
  s.exit_codes = {{"0", "the outputs are written and the plan has no errors"},
                  {"1", "the plan has errors (nothing written unless --draft), or an output cannot be written"},
                  {"2", "bad usage, an input that cannot be read, or an output directory plangen did not write (see --force)"}};
  s.examples = {"plangen build plan.xml -o out --as-of 2026-12-01",
                "plangen build plan.xml -o out --since approved/contoso-lync-v3-2026-06-01.zip",
                "plangen build plan.xml -o dba-copy --role dba"};
  return s;
}

CommandSpec ExplainSpec() {
  CommandSpec s;
  s.name = "explain";
  s.summary = "explain a diagnostic code";
  s.description = "Explain a diagnostic code, or list them all.";
  s.positionals = {{"CODE", "a diagnostic code such as PG1101", false, Completion::kCode}};
  s.options = {Flag("list", "list every code with its severity and message"),
               Flag("markdown", "print the whole catalogue as Markdown (docs/rules.md)"), HelpOptionSpec()};
  s.exit_codes = {{"0", "the code is explained"}, {"2", "bad usage, or an unknown code"}};
  s.examples = {"plangen explain PG1101"};
  return s;
}

CommandSpec VerifySpec() {
  CommandSpec s;
  s.name = "verify";
  s.summary = "check an audit package";
  s.description = "Check an audit package: every member against the MANIFEST, the signature with --key, and,\n"
                  "given the inputs with --plan, every member against a rebuild.";
  s.positionals = {{"PACKAGE", "the audit package (zip)", true, Completion::kFile}};
  s.options = With({Value("key", "FILE", "check MANIFEST.sig with this Ed25519 public key (PEM)", "", Completion::kFile),
                    Value("plan", "FILE", "rebuild from this plan and compare every member (--as-of defaults to the package's)",
                          "", Completion::kFile),
                    Value("templates", "DIR", "the --templates folder the build used", "", Completion::kDir),
                    Value("since", "PACKAGE", "the --since package the build used (its bundles say what changed since it)", "",
                          Completion::kFile)},
                   CompileOptionSpecs());
  s.exit_codes = {{"0", "the package is intact"},
                  {"1", "a member, the signature or the rebuild differs (each difference is reported)"},
                  {"2", "bad usage, or the package cannot be read"}};
  s.examples = {"plangen verify out/audit/contoso-lync-2026-12-01.zip --key signing.pub"};
  return s;
}

CommandSpec InitSpec() {
  CommandSpec s;
  s.name = "init";
  s.summary = "start a plan from a topology file";
  s.description = "Start a plan: write DIR/plan.xml from a topology file, or a commented starter plan without one.\n"
                  "Every decision left to make is a TODO that 'plangen check' lists.";
  s.positionals = {{"DIR", "the folder to write plan.xml into", true, Completion::kDir}};
  s.options = {Value("topology", "FILE", "Topology Builder file (.tbxml) or Get-CsTopology -AsXml output", "", Completion::kFile),
               Value("profile", "NAME", "profile of the plan", "lync-server-2013"),
               Value("profiles", "DIR", "also look for profiles in DIR", "", Completion::kDir),
               Flag("force", "replace an existing plan.xml"),
               ColorOptionSpec(),
               HelpOptionSpec()};
  s.exit_codes = {{"0", "the plan is written"}, {"2", "bad usage, or an input that cannot be used (nothing written)"}};
  s.examples = {"plangen init myplan --topology topology.tbxml"};
  return s;
}

CommandSpec HelpSpec() {
  CommandSpec s;
  s.name = "help";
  s.summary = "show the help of plangen or of a command";
  s.description = "Show the list of commands, or a command's arguments, options and exit codes.";
  s.positionals = {{"COMMAND", "a command such as build", false, Completion::kCommand}};
  s.options = {HelpOptionSpec()};
  s.exit_codes = {{"0", "the help is shown"}, {"2", "an unknown command"}};
  return s;
}

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {BuildSpec(), &RunBuild},
      {CheckSpec(), &RunCheck},
      {ExplainSpec(), &RunExplain},
      {VerifySpec(), &RunVerify},
      {InitSpec(), &RunInit},
      {ApproveSpec(), &RunApprove},
      {DiffSpec(), &RunDiff},
      {HelpSpec(), &RunHelp},
  };
  return commands;
}

const Command* FindCommand(const std::string& name) {
  for (const Command& c : Commands()) {
    if (c.spec.name == name) return &c;
  }
  return nullptr;
}

std::string TopLevelHelp() {
  std::ostringstream out;
  out << "usage: plangen <command> [options]\n\n"
         "plangen compiles a backup and restoration plan: it checks plan.xml and the returned\n"
         "worksheets, and emits runbooks, worksheets, checklists, calendars and an audit package.\n\n"
         "commands:\n";
  for (const Command& c : Commands()) {
    out << "  " << c.spec.name << std::string(10 - c.spec.name.size(), ' ') << c.spec.summary << "\n";
  }
  out << "\nRun 'plangen help <command>' (or 'plangen <command> --help') for its arguments, options and\n"
         "exit codes. With no arguments in a folder holding plan.xml, plangen builds it into out/.\n"
         "\nexit status: 0 success, 1 the plan has errors (or, for verify, the package differs),\n"
         "2 bad usage or an input that cannot be read.\n";
  return out.str();
}

int RunCommandLine(const std::vector<std::string>& args, const Environment& env) {
  if (args.empty()) {
    std::error_code ec;
    if (fs::is_regular_file("plan.xml", ec)) return RunBuild(ParsedArgs{}, env);
    std::cerr << TopLevelHelp();
    return 2;
  }
  const std::string& first = args[0];
  if (first == "--version" || first == "-V") {
    if (args.size() > 1) return UsageError("", "--version takes no arguments");
    std::cout << "plangen " << PLANGEN_VERSION << "\n";
    return 0;
  }
  if (first == "--help" || first == "-h") {
    if (args.size() > 1) return UsageError("", "--help takes no arguments; use 'plangen help <command>'");
    std::cout << TopLevelHelp();
    return 0;
  }
  // The build writes the man page and the shell completions with this command; it is in no list.
  if (first == "__generate") return RunGenerate(std::vector<std::string>(args.begin() + 1, args.end()));
  const Command* command = FindCommand(first);
  if (!command) {
    std::vector<std::string> names;
    for (const Command& c : Commands()) names.push_back(c.spec.name);
    std::string s = Suggest(first, names);
    return UsageError("", (first.size() > 1 && first[0] == '-' ? "unknown option '" : "unknown command '") + first + "'" +
                              (s.empty() ? "" : "; did you mean '" + s + "'?"));
  }
  ParsedArgs parsed;
  std::string error;
  if (!ParseArgs(command->spec, std::vector<std::string>(args.begin() + 1, args.end()), &parsed, &error)) {
    return UsageError(first, error);
  }
  if (parsed.Has("help")) {
    std::cout << CommandHelp(command->spec);
    return 0;
  }
  Environment e = env;
  if (!ReadColorOption(parsed, &e, &error)) return UsageError(first, error);
  return command->run(parsed, e);
}

}  // namespace plangen
