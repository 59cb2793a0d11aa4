#include "check_test_support.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <unistd.h>

#include "check/plan_digest.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen::testing {

namespace {

std::string WriteTemp(const std::string& xml) {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 ("plangen-checks-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(dir);
  std::ofstream(dir / "plan.xml", std::ios::binary) << xml;
  return (dir / "plan.xml").string();
}

std::unique_ptr<Compilation> CompilePath(const std::string& path, const std::string& as_of,
                                         const std::vector<std::string>& flags, bool werror,
                                         const std::string& profiles_dir) {
  auto c = std::make_unique<Compilation>();
  CompileOptions o;
  o.plan_path = path;
  o.profiles_dir = profiles_dir;
  o.as_of = *ParseDate(as_of);
  o.werror = werror;
  std::string error;
  BOOST_REQUIRE_MESSAGE(ApplySeverityFlags(flags, c->diags, &error), error);
  Compile(o, *c);
  return c;
}

std::string Where(const SourceManager& sm, const Loc& loc) {
  ResolvedLoc r = sm.Resolve(loc);
  if (r.file.empty()) return "plangen";
  std::string file = fs::path(r.file).filename().string();
  if (!r.cell.empty()) return file + ":" + r.sheet + "!" + r.cell;
  return file + ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
}

}  // namespace

std::unique_ptr<Compilation> CompilePlanText(const std::string& xml, const std::string& as_of,
                                             const std::vector<std::string>& flags, bool werror,
                                             const std::string& profiles_dir) {
  std::string text = xml;
  if (text.find("@DIGEST@") != std::string::npos) {
    // Approvals are not part of the digest, so the placeholder does not change it.
    auto first = CompilePath(WriteTemp(text), as_of, {}, false, profiles_dir);
    const std::string digest = check::PlanDigest(first->plan);
    for (size_t at; (at = text.find("@DIGEST@")) != std::string::npos;) text.replace(at, 8, digest);
  }
  std::string path = WriteTemp(text);
  auto c = CompilePath(path, as_of, flags, werror, profiles_dir);
  std::error_code ec;
  fs::remove_all(fs::path(path).parent_path(), ec);
  return c;
}

std::vector<std::string> Findings(const Compilation& c, const std::string& prefix) {
  std::vector<std::string> out;
  const SourceManager& sm = c.sources;
  for (const Diagnostic* d : c.diags.Sorted()) {
    if (CodeString(d->id).rfind(prefix, 0) != 0) continue;
    out.push_back(Where(sm, d->loc) + ": " + SeverityName(d->severity) + ": " + d->message + " [" + CodeString(d->id) + "]");
    for (const Note& n : d->notes) out.push_back(Where(sm, n.loc) + ": note: " + n.message);
  }
  for (const Diagnostic* d : c.diags.Waived()) {
    if (CodeString(d->id).rfind(prefix, 0) != 0) continue;
    out.push_back(Where(sm, d->loc) + ": waived: " + d->message + " [" + CodeString(d->id) + "] (reason: " + d->waiver + ")");
  }
  return out;
}

std::string WriteProfile(const std::string& id, const std::string& text) {
  fs::path plan = WriteTemp("");
  fs::path dir = plan.parent_path() / "profiles";
  fs::create_directories(dir / id);
  std::ofstream(dir / id / "profile.xml", std::ios::binary) << text;
  return dir.string();
}

std::string At(const std::string& xml, const std::string& needle, int shift) {
  size_t at = xml.find(needle);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "'" + needle + "' is not in the plan");
  at += static_cast<size_t>(shift);
  int line = 1, col = 1;
  for (size_t i = 0; i < at; ++i) {
    if (xml[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(xml[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return "plan.xml:" + std::to_string(line) + ":" + std::to_string(col);
}

std::string Replace(const std::string& xml, const std::string& from, const std::string& to) {
  size_t at = xml.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "'" + from + "' is not in the plan");
  std::string out = xml;
  out.replace(at, from.size(), to);
  return out;
}

std::string ReadSourceFile(const std::string& rel) {
  std::ifstream in(SourceRoot() + "/" + rel, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " + rel);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& CleanPlan() {
  static const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<plan xmlns="urn:plangen:plan:1" id="t" version="1" profile="lync-server-2013">
  <title>Test plan</title>
  <roles>
    <role id="ops" kind="team" name="Operations" department="UC" role-kind="lync-admin"><contact type="email">ops@example.com</contact></role>
    <role id="dba" kind="team" name="Database" department="Data" role-kind="database"><contact type="email">dba@example.com</contact></role>
    <role id="boss" kind="individual" name="Boss" department="Management" role-kind="management"><contact type="email">boss@example.com</contact></role>
  </roles>
  <governance reviewer="ops" validator="dba" change-approver="boss" review-interval="P6M" last-reviewed="2026-10-01">
    <approval kind="business" by="boss" date="2026-10-02" plan-version="1" digest="@DIGEST@"/>
    <approval kind="technical" by="ops" date="2026-10-03" plan-version="1" digest="@DIGEST@"/>
    <decision-criteria><criterion>Restore when troubleshooting fails.</criterion></decision-criteria>
  </governance>
  <locations>
    <location id="local" path="\\bk\share" host="bk.example.com" types="settings database file-store" secure="yes" offsite="no"/>
    <location id="vault" path="\\vault\share" host="vault.example.com" types="settings database file-store" secure="yes" offsite="yes"/>
  </locations>
  <topology>
    <site id="s" name="Site">
      <pool id="se" fqdn="se.example.com" edition="standard" kind="file">
        <server fqdn="se.example.com" roles="file-server">
          <service type="FileStore" share="share"/>
        </server>
      </pool>
    </site>
  </topology>
  <spare-hardware>
    <spare id="spare" source="Cold spare" lead-time="PT1H" contact="ops"/>
  </spare-hardware>
  <backups>
    <backup id="files" item="file-store" server="se.example.com" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault"/>
  </backups>
  <procedures>
    <procedure id="drill" kind="restore" title="Drill" last-changed="2026-06-01" last-tested="2026-11-01" tested-by="ops">
      <tool>Robocopy</tool>
      <step role="ops">Restore in the lab.</step>
    </procedure>
  </procedures>
  <scenarios>
    <scenario id="lost" title="Server lost" rto="PT4H" rpo="P1D" decider="boss" new-hardware="yes" spare="spare" covers="se.example.com">
      <criteria>The server is lost.</criteria>
      <step id="prepare" title="Prepare" role="dba" estimate="PT1H"/>
      <step id="restore" title="Restore" role="ops" estimate="PT1H" after="prepare"/>
    </scenario>
  </scenarios>
  <validations>
    <check id="v1" kind="V1" interval="P1D" owner="ops"/>
    <check id="v2" kind="V2" interval="P7D" owner="ops"/>
    <check id="v3" kind="V3" interval="P1M" owner="dba"/>
    <check id="v4" kind="V4" interval="P3M" owner="boss"/>
    <check id="v5" kind="V5" interval="P3M" owner="ops"/>
    <check id="m1" kind="M1" interval="P6M" owner="boss"/>
  </validations>
</plan>
)";
  return xml;
}

}  // namespace plangen::testing
