#include "driver/commands.h"

#include <filesystem>
#include <fstream>
#include <iostream>

#include "check/plan_digest.h"
#include "diag/catalogue.h"
#include "diag/printers.h"
#include "audit/package.h"
#include "driver/audit_package.h"
#include "driver/common_options.h"
#include "driver/init_command.h"
#include "driver/verify_command.h"
#include "driver/write_outputs.h"
#include "emit/emitters.h"
#include "plangen_config.h"
#include "util/data_dir.h"
#include "util/edit_distance.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

int RunCheck(const std::vector<std::string>& args, const Environment& env) {
  cxxopts::Options o("plangen check", "Cross-check a plan (and returned worksheets) and print the findings.");
  o.positional_help("PLAN");
  AddCompileOptions(o);
  o.add_options()("digest", "also print the plan digest (what approvals record as digest=\"...\")")
      ("plan", "plan file", cxxopts::value<std::string>());
  o.parse_positional({"plan"});
  cxxopts::ParseResult r;
  int exit = 0;
  if (!ParseCommandArgs(o, "check", args, &r, &exit)) return exit;
  CompileOptions copt;
  OutputFormat format = OutputFormat::kText;
  std::string error;
  if (!ReadCompileOptions(r, env, &copt, &format, &error)) return UsageError("check", error);
  copt.plan_path = r.count("plan") ? r["plan"].as<std::string>() : "plan.xml";
  Compilation c;
  if (!ApplySeverityFlags(copt.severity_flags, c.diags, &error)) return UsageError("check", error);
  Compile(copt, c);
  if (r.count("digest") && c.plan_read) std::cout << "plan digest: " << check::PlanDigest(c.plan) << "\n";
  PrintFindings(c, format, env, std::cout);
  return ExitCode(c);
}

int RunBuild(const std::vector<std::string>& args, const Environment& env) {
  cxxopts::Options o("plangen build", "Check a plan and emit runbooks, worksheets, checklists, calendars and the report.");
  o.positional_help("PLAN");
  AddCompileOptions(o);
  o.add_options()
      ("o,output", "output directory", cxxopts::value<std::string>()->default_value("out"))
      ("templates", "use templates from DIR first (restyle without recompiling)", cxxopts::value<std::string>())
      ("draft", "emit outputs marked DRAFT even when the plan has errors (no audit package then)")
      ("sign", "sign the audit package's MANIFEST with this Ed25519 private key (PEM)", cxxopts::value<std::string>())
      ("quiet", "no progress on stderr")
      ("force", "replace the output directory even if plangen did not write it")
      ("plan", "plan file", cxxopts::value<std::string>());
  o.parse_positional({"plan"});
  cxxopts::ParseResult r;
  int exit = 0;
  if (!ParseCommandArgs(o, "build", args, &r, &exit)) return exit;
  CompileOptions copt;
  OutputFormat format = OutputFormat::kText;
  std::string error;
  if (!ReadCompileOptions(r, env, &copt, &format, &error)) return UsageError("build", error);
  copt.plan_path = r.count("plan") ? r["plan"].as<std::string>() : "plan.xml";
  const std::string out_dir = r["output"].as<std::string>();
  const bool draft = r.count("draft") > 0;
  const bool progress = env.stderr_is_terminal && !r.count("quiet");
  Compilation c;
  if (!ApplySeverityFlags(copt.severity_flags, c.diags, &error)) return UsageError("build", error);
  const bool force = r.count("force") > 0;
  // Refused before any work: the user's folder is the one thing a build must never lose.
  if (!OutputDirReplaceable(out_dir, force, c.sources, c.diags)) {
    PrintFindings(c, format, env, std::cout);
    return 2;
  }
  if (progress) std::cerr << "plangen: checking " << copt.plan_path << "\n";
  Compile(copt, c);
  if (!c.plan_read || !c.profile_read || (c.diags.HasErrors() && !draft)) {
    PrintFindings(c, format, env, std::cout);
    if (c.diags.HasErrors() && c.plan_read) std::cerr << "plangen build: no outputs written because the plan has errors (use --draft to emit anyway)\n";
    return ExitCode(c) == 0 ? 1 : ExitCode(c);
  }
  TemplateSet templates(r.count("templates") ? r["templates"].as<std::string>() : "", DataDir() + "/templates");
  EmitContext ectx{c.plan, c.profile, copt.as_of, c.diags.HasErrors(), templates, c.diags, c.sources,
                   c.has_worksheets ? &c.returned : nullptr};
  OutputSet outputs;
  if (progress) std::cerr << "plangen: emitting outputs\n";
  bool emitted = RunEmitters(ectx, outputs);
  // A package certifies a clean plan: a draft gets none. It is assembled before anything is
  // written and written into the staging directory with the rest, so it is all or nothing too.
  AuditPackage package;
  const bool make_package = emitted && !ectx.draft;
  if (make_package) {
    if (progress) std::cerr << "plangen: assembling the audit package\n";
    emitted = AssembleAuditPackage(copt, ectx, outputs, &package);
    if (r.count("sign")) package.info.sign_key_path = r["sign"].as<std::string>();
  }
  if (emitted) {
    if (progress) std::cerr << "plangen: writing " << outputs.files().size() << " files to " << out_dir << "\n";
    WriteOptions wo;
    wo.force = force;
    if (make_package) {
      wo.before_commit = [&](const std::string& staging) {
        std::error_code ec;
        fs::create_directories(fs::path(staging) / "audit", ec);
        return audit::WritePackage(staging + "/" + package.path, package.members, package.info, c.diags);
      };
    }
    emitted = WriteOutputs(outputs, out_dir, c.sources, c.diags, wo);
  }
  if (ectx.draft && emitted) std::cerr << "plangen build: outputs marked DRAFT and no audit package, because the plan has errors\n";
  PrintFindings(c, format, env, std::cout);
  if (!emitted) return c.unreadable ? 2 : 1;
  return ExitCode(c);
}

int RunExplain(const std::vector<std::string>& args, const Environment&) {
  cxxopts::Options o("plangen explain", "Explain a diagnostic code, or list them all.");
  o.positional_help("CODE");
  o.add_options()
      ("list", "list every code with its severity and message")
      ("markdown", "print the whole catalogue as Markdown (docs/rules.md)")
      ("h,help", "show this help")
      ("code", "diagnostic code", cxxopts::value<std::string>());
  o.parse_positional({"code"});
  cxxopts::ParseResult r;
  int exit = 0;
  if (!ParseCommandArgs(o, "explain", args, &r, &exit)) return exit;
  if (r.count("list") || r.count("markdown")) {
    if (r.count("markdown")) {
      std::cout << CatalogueMarkdown();
      return 0;
    }
    for (DiagId id : AllDiagIds()) {
      const DiagInfo& info = Info(id);
      std::cout << CodeString(id) << "  " << SeverityName(info.severity) << "  " << info.format << "\n";
    }
    return 0;
  }
  if (!r.count("code")) return UsageError("explain", "give a code such as PG1101, or --list");
  std::string code = r["code"].as<std::string>();
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

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"build", "check a plan and emit every output", &RunBuild},
      {"check", "check a plan and print the findings", &RunCheck},
      {"explain", "explain a diagnostic code", &RunExplain},
      {"verify", "check an audit package", &RunVerify},
      {"init", "start a plan from a topology file", &RunInit},
  };
  return commands;
}

static void PrintUsage(std::ostream& out) {
  out << "usage: plangen <command> [options]\n\n"
         "plangen compiles a backup and restoration plan: it checks plan.xml and the returned\n"
         "worksheets, and emits runbooks, worksheets, checklists, calendars and an audit package.\n\n"
         "commands:\n";
  for (const Command& c : Commands()) out << "  " << c.name << std::string(10 - std::string(c.name).size(), ' ') << c.summary << "\n";
  out << "\nRun 'plangen <command> --help' for its options. With no arguments in a folder holding\n"
         "plan.xml, plangen builds it into out/.\n";
}

int RunCommandLine(const std::vector<std::string>& args, const Environment& env) {
  if (args.empty()) {
    std::error_code ec;
    if (fs::is_regular_file("plan.xml", ec)) return RunBuild({"plan.xml"}, env);
    PrintUsage(std::cerr);
    return 2;
  }
  const std::string& first = args[0];
  if (first == "--version" || first == "-V") {
    std::cout << "plangen " << PLANGEN_VERSION << "\n";
    return 0;
  }
  if (first == "--help" || first == "-h" || first == "help") {
    PrintUsage(std::cout);
    return 0;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  for (const Command& c : Commands()) {
    if (first == c.name) return c.run(rest, env);
  }
  std::vector<std::string> names;
  for (const Command& c : Commands()) names.push_back(c.name);
  std::string s = Suggest(first, names);
  return UsageError("", "unknown command '" + first + "'" + (s.empty() ? "" : "; did you mean '" + s + "'?"));
}

}  // namespace plangen
