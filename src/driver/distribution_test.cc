// The bundles of a build (distribution/<role>.zip): what each holds, that other tools open them,
// that they are reproducible and recorded in the audit package; `build --role`; "what changed for
// you" with --since; and a role's workbook read back with --worksheets.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "audit/zip_reader.h"
#include "audit/zip_writer.h"
#include "driver/commands.h"
#include "emit/checklist_view.h"
#include "outside_program.h"
#include "temp_tree.h"
#include "test_paths.h"
#include "worksheets_test_support.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::TempDir;
using testing::ReadAll;
using testing::Tree;

struct InSourceRoot {
  fs::path saved = fs::current_path();
  InSourceRoot() { fs::current_path(testing::SourceRoot()); }
  ~InSourceRoot() { fs::current_path(saved); }
};

// Runs plangen in process from the source root; stdout and stderr are kept in `out` and `err`.
int Run(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
  InSourceRoot here;
  Environment env;
  env.today = *ParseDate("2026-12-01");
  std::ostringstream o, e;
  std::streambuf* so = std::cout.rdbuf(o.rdbuf());
  std::streambuf* se = std::cerr.rdbuf(e.rdbuf());
  int code = RunCommandLine(args, env);
  std::cout.rdbuf(so);
  std::cerr.rdbuf(se);
  if (out) *out = o.str();
  if (err) *err = e.str();
  return code;
}

const char* kSample = "samples/contoso/plan.xml";
// Roles of the sample with duties, and one (cio) that only approves.
const std::vector<std::string> kRoles = {"lync-ops", "dba",          "storage",      "network",
                                         "dublin-it", "incident-manager", "uc-architect", "it-director"};

std::map<std::string, std::string> Unzip(const std::string& bytes) {
  audit::ZipContents z = audit::ReadZipBytes(bytes, audit::ZipLimits{});
  BOOST_REQUIRE(z.opened);
  BOOST_TEST(z.problems.empty());
  std::map<std::string, std::string> m;
  for (const auto& e : z.entries) m[e.name] = e.data;
  return m;
}

// A full build of the sample into `dir`, with extra arguments.
std::map<std::string, std::string> Build(const std::string& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"build", kSample, "-o", dir, "--as-of", "2026-12-01", "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::string out, err;
  BOOST_REQUIRE_MESSAGE(Run(args, &out, &err) == 0, out + err);
  return Tree(dir);
}

// The "What changed for you" section of a README, or "" when it has none.
std::string WhatChanged(const std::string& readme) {
  size_t a = readme.find("## What changed for you");
  if (a == std::string::npos) return "";
  size_t b = readme.find("\n## ", a + 1);
  return readme.substr(a, b == std::string::npos ? std::string::npos : b + 1 - a);
}

// The sample plan with `from` replaced by `to` (each must occur once), written to `dir`/plan.xml.
std::string EditedSample(const std::string& dir, const std::string& from, const std::string& to) {
  std::string text = ReadAll(testing::SourceRoot() + "/" + kSample);
  size_t at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos && text.find(from, at + 1) == std::string::npos, from);
  text.replace(at, from.size(), to);
  fs::create_directories(dir);
  std::ofstream(dir + "/plan.xml", std::ios::binary) << text;
  return dir + "/plan.xml";
}

// Builds the sample --since `since` and compares each role's "what changed" with the golden file
// tests/golden/distribution/<name>.txt (PLANGEN_UPDATE_GOLDEN=1 rewrites it).
void CheckWhatChanged(const std::string& name, const std::string& since) {
  TempDir s;
  auto files = Build(s.path + "/out", {"--since", since});
  std::string got;
  for (const std::string& role : kRoles) {
    auto bundle = Unzip(files.at("distribution/" + role + ".zip"));
    got += "== " + role + "\n" + WhatChanged(bundle.at("README.md"));
  }
  fs::path golden = fs::path(testing::SourceRoot()) / "tests/golden/distribution" / (name + ".txt");
  const char* update = std::getenv("PLANGEN_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << got;
  }
  BOOST_TEST_INFO("golden " << golden.string() << " (regenerate with PLANGEN_UPDATE_GOLDEN=1)");
  BOOST_TEST(got == ReadAll(golden));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(distribution)

BOOST_AUTO_TEST_CASE(each_bundle_holds_exactly_its_roles_files) {
  TempDir s;
  auto files = Build(s.path + "/out");
  Compilation c;
  {
    InSourceRoot here;
    CompileOptions o;
    o.plan_path = kSample;
    o.as_of = *ParseDate("2026-12-01");
    Compile(o, c);
  }
  const Plan& plan = c.plan;
  std::set<std::string> bundles;
  for (const auto& [path, bytes] : files) {
    if (path.rfind("distribution/", 0) == 0) bundles.insert(path);
  }
  std::set<std::string> expected_bundles;
  for (const std::string& r : kRoles) expected_bundles.insert("distribution/" + r + ".zip");
  BOOST_TEST(bundles == expected_bundles, boost::test_tools::per_element());  // no bundle for cio
  for (const std::string& role : kRoles) {
    BOOST_TEST_CONTEXT("role " << role) {
      auto bundle = Unzip(files.at("distribution/" + role + ".zip"));
      std::set<std::string> want = {"README.md", "contacts.md", "runbooks/" + role + ".html", "runbooks/" + role + ".md",
                                    "runbooks/" + role + ".docx"};
      if (files.count("calendar/" + role + ".ics")) want.insert("calendar/" + role + ".ics");
      // Its restoration scripts; the task definitions of the backups it owns and the backup
      // scripts of their servers.
      for (const auto& [path, bytes] : files) {
        if (path.rfind("scripts/restore/", 0) == 0 && fs::path(path).filename() == role + ".ps1") want.insert(path);
      }
      for (const Backup& b : plan.backups) {
        if (b.owner.value != role) continue;
        want.insert("scripts/tasks/" + b.id.value + ".xml");
        want.insert("scripts/backup/" + b.server.value + ".ps1");
      }
      // Roles that own backups or validation checks get their rows to fill in.
      if (role != "network" && role != "it-director") want.insert("worksheets/" + role + ".xlsx");
      std::set<std::string> have;
      for (const auto& [name, data] : bundle) have.insert(name);
      BOOST_TEST(have == want, boost::test_tools::per_element());
      // The runbooks and calendar are the build's own, byte for byte.
      for (const auto& [name, data] : bundle) {
        if (files.count(name)) BOOST_TEST((data == files.at(name)), name);
      }
      // No other role's name in a file name of the bundle.
      for (const std::string& other : kRoles) {
        if (other == role || role.find(other) != std::string::npos) continue;
        for (const std::string& name : have) BOOST_TEST(name.find(other) == std::string::npos, name);
      }
      const std::string& readme = bundle.at("README.md");
      BOOST_TEST(readme.find("version 4") != std::string::npos);
      BOOST_TEST(readme.find("sha256:") != std::string::npos);
      BOOST_TEST(readme.find("| technical | Marcus Lee | 2026-10-19 | 4 | this plan's |") != std::string::npos);
      for (const std::string& name : have) BOOST_TEST(readme.find("`" + name + "`") != std::string::npos, name);
      // Without --since the bundle says nothing about changes.
      BOOST_TEST(WhatChanged(readme).empty());
    }
  }
  // The storage team hands off to the DBAs (cms-host: prepare -> sql) and to Lync Operations.
  auto dba = Unzip(files.at("distribution/dba.zip"));
  const std::string& contacts = dba.at("contacts.md");
  BOOST_TEST(contacts.find("## Storage and Backup (`storage`)") != std::string::npos);
  BOOST_TEST(contacts.find("## Lync Operations (`lync-ops`)") != std::string::npos);
  BOOST_TEST(contacts.find("`network`") == std::string::npos);  // the DBAs never hand off to Network
  BOOST_TEST(contacts.find("storage@contoso.com") != std::string::npos);
  // The DBAs own backups on sql01, none on fs01, and none on sql03, whose Persistent Chat export
  // Lync Operations runs; Lync Operations owns none of red-cdr.
  BOOST_TEST(dba.count("scripts/backup/sql01.contoso.com.ps1"));
  BOOST_TEST(!dba.count("scripts/backup/sql03.contoso.com.ps1"));
  BOOST_TEST(!dba.count("scripts/backup/fs01.contoso.com.ps1"));
  BOOST_TEST(dba.count("scripts/restore/cms-host/dba.ps1"));
  BOOST_TEST(!dba.count("scripts/restore/cms-host/lync-ops.ps1"));
  auto ops = Unzip(files.at("distribution/lync-ops.zip"));
  BOOST_TEST(!ops.count("scripts/tasks/red-cdr.xml"));
  BOOST_TEST(ops.count("scripts/tasks/red-xds.xml"));
  BOOST_TEST(ops.count("scripts/backup/sql03.contoso.com.ps1"));
  BOOST_TEST(ops.count("scripts/tasks/red-pchat.xml"));
}

BOOST_AUTO_TEST_CASE(golden_readme_and_contacts_of_each_bundle) {
  TempDir s;
  auto files = Build(s.path + "/out");
  fs::path expected = fs::path(testing::SourceRoot()) / "tests/golden/sample/expected/distribution";
  const char* update = std::getenv("PLANGEN_UPDATE_GOLDEN");
  const bool rewrite = update && std::string(update) == "1";
  for (const std::string& role : kRoles) {
    auto bundle = Unzip(files.at("distribution/" + role + ".zip"));
    for (const char* name : {"README.md", "contacts.md"}) {
      fs::path p = expected / role / name;
      if (rewrite) {
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << bundle.at(name);
      }
      BOOST_TEST_INFO("golden " << p.string() << " (regenerate with PLANGEN_UPDATE_GOLDEN=1)");
      BOOST_TEST(bundle.at(name) == ReadAll(p));
    }
  }
}

BOOST_AUTO_TEST_CASE(bundles_are_recorded_in_the_audit_package) {
  TempDir s;
  auto files = Build(s.path + "/out");
  std::string package;
  for (const auto& [path, bytes] : files) {
    if (path.rfind("audit/", 0) == 0) package = bytes;
  }
  auto members = Unzip(package);
  const std::string& manifest = members.at("MANIFEST");
  for (const std::string& role : kRoles) {
    BOOST_TEST(manifest.find("  outputs/distribution/" + role + ".zip\n") != std::string::npos, role);
    BOOST_TEST((members.at("outputs/distribution/" + role + ".zip") == files.at("distribution/" + role + ".zip")));
  }
  auto j = nlohmann::json::parse(members.at("reports/distribution.json"));
  BOOST_TEST(j["bundles"].size() == kRoles.size());
  std::map<std::string, std::string> role_of;
  for (const auto& b : j["bundles"]) role_of[b["bundle"].get<std::string>()] = b["role"].get<std::string>();
  BOOST_TEST(role_of["distribution/dba.zip"] == "dba");
  BOOST_TEST(role_of["distribution/lync-ops.zip"] == "lync-ops");
  BOOST_TEST(j["bundles"][0]["sha256"].get<std::string>().size() == 64u);
  BOOST_TEST(j["since"].is_null());
  // verify: the package is intact and a rebuild gives the same bundles.
  std::string zip = s.path + "/out/audit/";
  for (const auto& e : fs::directory_iterator(zip)) zip = e.path().string();
  std::string out;
  BOOST_TEST(Run({"verify", zip, "--plan", kSample}, &out) == 0, out);
}

BOOST_AUTO_TEST_CASE(bundles_are_byte_identical_across_builds) {
  TempDir a, b;
  auto one = Build(a.path + "/out"), two = Build(b.path + "/out");
  int compared = 0;
  for (const auto& [path, bytes] : one) {
    if (path.rfind("distribution/", 0) != 0 && path != "report/distribution.json") continue;
    BOOST_TEST((two.at(path) == bytes), path);
    ++compared;
  }
  BOOST_TEST(compared == static_cast<int>(kRoles.size()) + 1);
}

BOOST_AUTO_TEST_CASE(bundles_open_with_python_zipfile_and_unzip) {
  if (!testing::HaveOutsideProgram("/usr/bin/python3", "/usr/bin/python3 -c 'import zipfile'") ||
      !testing::HaveOutsideProgram("unzip", "command -v unzip"))
    return;
  TempDir s;
  auto files = Build(s.path + "/out");
  for (const std::string& role : kRoles) {
    std::string zip = s.path + "/out/distribution/" + role + ".zip";
    std::string py = "/usr/bin/python3 -c 'import sys, zipfile\n"
                     "z = zipfile.ZipFile(sys.argv[1])\n"
                     "assert z.testzip() is None\n"
                     "print(\"\\n\".join(sorted(z.namelist())))' '" + zip + "' > '" + s.path + "/py.txt'";
    BOOST_TEST(std::system(py.c_str()) == 0, role);
    std::set<std::string> names;
    std::istringstream in(ReadAll(s.path + "/py.txt"));
    for (std::string line; std::getline(in, line);) names.insert(line);
    std::set<std::string> want;
    for (const auto& [name, data] : Unzip(files.at("distribution/" + role + ".zip"))) want.insert(name);
    BOOST_TEST(names == want, boost::test_tools::per_element());
    BOOST_TEST(std::system(("unzip -tqq '" + zip + "'").c_str()) == 0, role);
    std::string dir = s.path + "/unzipped-" + role;
    BOOST_TEST(std::system(("unzip -qq '" + zip + "' -d '" + dir + "'").c_str()) == 0, role);
    BOOST_TEST(ReadAll(dir + "/runbooks/" + role + ".md") == files.at("runbooks/" + role + ".md"));
  }
}

BOOST_AUTO_TEST_CASE(role_build_equals_the_same_files_of_a_full_build) {
  TempDir s;
  auto full = Build(s.path + "/full");
  auto some = Build(s.path + "/some", {"--role", "dba", "--role", "storage", "--role", "dba"});
  // The files of their bundles that a full build writes too (runbooks, calendars, scripts), and
  // the bundles.
  std::set<std::string> want = {"plangen-output.txt", "plangen-output-record.json"};
  for (const std::string& r : {"dba", "storage"}) {
    want.insert("distribution/" + r + ".zip");
    for (const auto& [name, data] : Unzip(full.at("distribution/" + r + ".zip")))
      if (full.count(name)) want.insert(name);
  }
  BOOST_TEST(want.count("scripts/backup/fs01.contoso.com.ps1"));  // storage's
  BOOST_TEST(want.count("runbooks/dba.html"));
  std::set<std::string> have;
  for (const auto& [path, bytes] : some) have.insert(path);
  BOOST_TEST(have == want, boost::test_tools::per_element());  // no audit package, no other role's file
  for (const auto& [path, bytes] : some) {
    if (path == "plangen-output-record.json") continue;  // the record of a build names its options
    BOOST_TEST((full.at(path) == bytes), path);
  }
}

BOOST_AUTO_TEST_CASE(role_build_refuses_an_unknown_role_or_one_without_duties) {
  TempDir s;
  std::string out, err;
  BOOST_TEST(Run({"build", kSample, "-o", s.path + "/a", "--as-of", "2026-12-01", "--role", "dbb"}, &out, &err) == 2);
  BOOST_TEST(err.find("plangen build: --role: the plan has no role 'dbb'; did you mean 'dba'?") != std::string::npos, err);
  BOOST_TEST(Run({"build", kSample, "-o", s.path + "/b", "--as-of", "2026-12-01", "--role", "cio"}, &out, &err) == 2);
  BOOST_TEST(err.find("role 'cio' has no duty in the plan, so it has no runbook and no bundle") != std::string::npos, err);
  BOOST_TEST(!fs::exists(s.path + "/a"));
  BOOST_TEST(!fs::exists(s.path + "/b"));
}

BOOST_AUTO_TEST_CASE(what_changed_schedule_concerns_only_the_owner) {
  TempDir s;
  // The previous version took red-cdr (owned by dba) at 04:15.
  CheckWhatChanged("schedule-change",
                   EditedSample(s.path + "/v3", "schedule=\"daily 03:15\"", "schedule=\"daily 04:15\""));
}

BOOST_AUTO_TEST_CASE(what_changed_handoff_concerns_both_roles) {
  TempDir s;
  // The previous version verified pool01 after the Front Ends only, not after the File Store that
  // the storage team restores: a hand-off from storage to lync-ops is new.
  CheckWhatChanged("handoff-change",
                   EditedSample(s.path + "/v3", "role=\"lync-ops\" estimate=\"PT1H\" after=\"frontends files\"",
                                "role=\"lync-ops\" estimate=\"PT1H\" after=\"frontends\""));
}

BOOST_AUTO_TEST_CASE(what_changed_nothing_since_the_same_package) {
  TempDir s;
  Build(s.path + "/approved");
  std::string package;
  for (const auto& e : fs::directory_iterator(s.path + "/approved/audit")) package = e.path().string();
  CheckWhatChanged("no-change", package);
}

// The roles whose bundle lists a change, building the sample --since a copy edited from `from` to
// `to` (so the change is from `to` back to `from`).
std::set<std::string> RolesConcerned(const std::string& from, const std::string& to) {
  TempDir s;
  auto files = Build(s.path + "/out", {"--since", EditedSample(s.path + "/old", from, to)});
  auto j = nlohmann::json::parse(files.at("report/distribution.json"));
  std::set<std::string> roles;
  for (const auto& b : j["bundles"]) {
    if (!b["changes"].empty()) roles.insert(b["role"].get<std::string>());
  }
  return roles;
}

BOOST_AUTO_TEST_CASE(each_change_concerns_the_roles_that_act_on_it) {
  using Roles = std::set<std::string>;
  // A team's contacts: the team and the teams that hand off to it or from it.
  BOOST_TEST(RolesConcerned("storage@contoso.com", "backup-team@contoso.com") == (Roles{"dba", "lync-ops", "storage"}),
             boost::test_tools::per_element());
  // A location: the owners of the backups kept there.
  BOOST_TEST(RolesConcerned("\\\\bk02.dublin.contoso.com\\LyncBackup", "\\\\bk09.dublin.contoso.com\\LyncBackup") ==
                 (Roles{"dublin-it"}),
             boost::test_tools::per_element());
  // A step's estimate: the role that does the step, not the others of the scenario.
  BOOST_TEST(RolesConcerned("role=\"dba\" estimate=\"PT1H\" after=\"prepare\"", "role=\"dba\" estimate=\"PT2H\" after=\"prepare\"") ==
                 (Roles{"dba"}),
             boost::test_tools::per_element());
  // A scenario's RTO: every role of the scenario, its decider included.
  BOOST_TEST(RolesConcerned("title=\"File Store on fs01 lost\" rto=\"PT6H\"", "title=\"File Store on fs01 lost\" rto=\"PT8H\"") ==
                 (Roles{"lync-ops", "storage"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(verify_rebuilds_the_bundles_with_the_same_since) {
  TempDir s;
  std::string old = EditedSample(s.path + "/old", "schedule=\"daily 03:15\"", "schedule=\"daily 04:15\"");
  Build(s.path + "/out", {"--since", old});
  std::string zip;
  for (const auto& e : fs::directory_iterator(s.path + "/out/audit")) zip = e.path().string();
  std::string out;
  BOOST_TEST(Run({"verify", zip, "--plan", kSample, "--since", old}, &out) == 0, out);
  BOOST_TEST(Run({"verify", zip, "--plan", kSample}, &out) == 1);
  BOOST_TEST(out.find("outputs/distribution/dba.zip") != std::string::npos, out);
  BOOST_TEST(out.find("reports/distribution.json") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(since_an_unreadable_package_is_refused) {
  TempDir s;
  std::string out, err;
  BOOST_TEST(Run({"build", kSample, "-o", s.path + "/a", "--as-of", "2026-12-01", "--since", "tests/data/none.zip"}, &out,
                 &err) == 2);
  BOOST_TEST(err.find("plangen build: --since: cannot read 'tests/data/none.zip': no such file") != std::string::npos, err);
  BOOST_TEST(!fs::exists(s.path + "/a"));
}

BOOST_AUTO_TEST_CASE(role_workbooks_read_back_with_worksheets) {
  TempDir s;
  auto files = Build(s.path + "/out");
  std::string dir = s.path + "/returned";
  fs::create_directories(dir);
  for (const std::string& role : kRoles) {
    auto bundle = Unzip(files.at("distribution/" + role + ".zip"));
    auto it = bundle.find("worksheets/" + role + ".xlsx");
    if (it != bundle.end()) std::ofstream(dir + "/" + role + ".xlsx", std::ios::binary) << it->second;
  }
  // Every backup is in exactly one role's workbook, so the returned role workbooks together lack
  // only what the teams fill in (the Backup set of each row), as the pool workbooks do.
  auto findings = [&](const std::vector<std::string>& worksheets) {
    CompileOptions o;
    o.plan_path = testing::SourceRoot() + "/" + kSample;
    o.as_of = *ParseDate("2026-12-01");
    o.worksheets = worksheets;
    Compilation c;
    Compile(o, c);
    return wstest::SheetFindings(c);
  };
  std::vector<std::string> got = findings({dir});
  std::string pools = s.path + "/pools";
  fs::create_directories(pools);
  for (const auto& [path, bytes] : files) {
    if (path.rfind("worksheets/", 0) == 0 && path != "worksheets/all.xlsx")
      std::ofstream(pools + "/" + fs::path(path).filename().string(), std::ios::binary) << bytes;
  }
  BOOST_TEST(got.size() == findings({pools}).size());
  BOOST_TEST(!got.empty());
  for (const std::string& line : got) BOOST_TEST(line.find("[PG4106]") != std::string::npos, line);
  BOOST_TEST(got.front().find(dir + "/dba.xlsx:Database!") == 0u, got.front());

  if (!testing::HaveOutsideProgram("/usr/bin/python3 with openpyxl", "/usr/bin/python3 -c 'import openpyxl'")) return;
  // Filled in as a team would (the Backup set's name and expiration of each row), they read back clean.
  std::string fill = s.path + "/fill.py";
  std::ofstream(fill) << "import sys, openpyxl\n"
                         "for path in sys.argv[1:]:\n"
                         "    wb = openpyxl.load_workbook(path)\n"
                         "    for ws in wb.worksheets:\n"
                         "        head = [str(c.value or '') for c in ws[1]]\n"
                         "        if 'Backup set name' not in head: continue\n"
                         "        i, j = head.index('Backup set name'), head.index('Backup set expiration')\n"
                         "        for row in ws.iter_rows(min_row=2):\n"
                         "            row[i].value = 'set-%d' % row[i].row\n"
                         "            row[j].value = '400 days'\n"
                         "    wb.save(path)\n";
  std::string cmd = "/usr/bin/python3 '" + fill + "'";
  for (const auto& e : fs::directory_iterator(dir)) cmd += " '" + e.path().string() + "'";
  BOOST_REQUIRE(std::system(cmd.c_str()) == 0);
  BOOST_TEST(findings({dir}) == std::vector<std::string>{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(zip_in_memory_is_the_zip_on_disk) {
  TempDir s;
  std::vector<audit::ZipMember> members = {{"b/two.txt", std::string(5000, 'x')}, {"a.txt", "one"}};
  audit::ZipWriteOptions zo;
  zo.mtime = 1796083200;  // 2026-12-01
  std::string err, bytes;
  BOOST_REQUIRE(audit::WriteZip(s.path + "/a.zip", members, zo, &err));
  BOOST_REQUIRE(audit::ZipToBytes(members, zo, &bytes, &err));
  BOOST_TEST((bytes == ReadAll(s.path + "/a.zip")));
  auto m = Unzip(bytes);
  BOOST_TEST(m.at("a.txt") == "one");
  BOOST_TEST(m.at("b/two.txt").size() == 5000u);
  BOOST_REQUIRE(audit::ZipToBytes({}, zo, &bytes, &err));
  BOOST_TEST(bytes.size() == 22u);
  BOOST_TEST(!audit::ZipToBytes({{"../x", "y"}}, zo, &bytes, &err));
  BOOST_TEST(err.find("unsafe") != std::string::npos, err);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen
