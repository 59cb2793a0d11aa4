// Evidence round trip: files as the emitted scripts write them (tests/data/evidence) give exactly
// the expected findings, at their CSV rows; the evidence reaches the checklists as Validation Log
// entries.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "diag/printers.h"
#include "driver/compile.h"
#include "plan_fixture.h"
#include "test_paths.h"
#include "check/evidence_check.h"

using namespace plangen;

namespace {

// Findings of the sample checked with `evidence` (relative to the source root), codes PG4140-4149
// and PG4120-4125, as text without source lines.
std::string EvidenceFindings(const std::vector<std::string>& evidence, Compilation* keep = nullptr) {
  CompileOptions o;
  o.plan_path = "samples/contoso/plan.xml";
  o.as_of = *ParseDate("2026-12-01");
  o.evidence = evidence;
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd) || chdir(testing::SourceRoot().c_str()) != 0) return "cannot chdir";
  Compilation local;
  Compilation& c = keep ? *keep : local;
  Compile(o, c);
  if (chdir(cwd) != 0) return "cannot chdir back";
  std::string out;
  for (const Diagnostic* d : c.diags.Sorted()) {
    int code = Info(d->id).code;
    if (code < 4120 || code > 4149) continue;
    std::string text = FormatText(c.diags, *d);
    out += text.substr(0, text.find('\n') + 1);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(evidence)

BOOST_AUTO_TEST_CASE(timestamps_with_offsets) {
  BOOST_TEST(*ParseTimestamp("1970-01-01T00:00:00Z") == 0);
  BOOST_TEST(*ParseTimestamp("2026-11-30T01:00:00-08:00") == *ParseTimestamp("2026-11-30T09:00:00+00:00"));
  BOOST_TEST(*ParseTimestamp("2026-11-30T01:00:00+01:00") - *ParseTimestamp("2026-11-30T00:00:00Z") == 0);
  BOOST_TEST(!ParseTimestamp("2026-11-30T01:00:00"));
  BOOST_TEST(!ParseTimestamp("2026-11-31T01:00:00Z"));
  BOOST_TEST(!ParseTimestamp("30/11/2026 01:00"));
}

BOOST_AUTO_TEST_CASE(clean_evidence_gives_no_finding) {
  BOOST_TEST(EvidenceFindings({"tests/data/evidence/clean"}) == "");
}

BOOST_AUTO_TEST_CASE(missed_run_is_a_gap_at_the_row_after_it) {
  BOOST_TEST(EvidenceFindings({"tests/data/evidence/missed-run"}) ==
             "tests/data/evidence/missed-run/sql01.contoso.com-backups.csv:6:1: error: backup 'red-xds' went "
             "2 days without a run, from 2026-11-28T01:00:03-08:00 to 2026-11-30T01:00:03-08:00; its schedule "
             "'daily 00:00' leaves at most 1 day between runs [PG4144]\n");
}

BOOST_AUTO_TEST_CASE(failed_offsite_copy_is_a_v2_finding_at_its_row) {
  BOOST_TEST(EvidenceFindings({"tests/data/evidence/offsite-failed/sql01.contoso.com-backups.csv"}) ==
             "tests/data/evidence/offsite-failed/sql01.contoso.com-backups.csv:7:1: error: run 2026-11-30-0100 of "
             "backup 'red-xds' has no verified copy in location 'vault' (off-site): Robocopy failed with exit code "
             "16 copying \\\\bk01.contoso.com\\LyncBackup\\red-xds\\2026-11-30-0100 to "
             "\\\\vault.fabrikam-dr.com\\contoso\\lync\\red-xds\\2026-11-30-0100 [PG4146]\n");
}

BOOST_AUTO_TEST_CASE(slow_drill_step_is_a_warning_at_its_row) {
  BOOST_TEST(EvidenceFindings({"tests/data/evidence/slow-step"}) ==
             "tests/data/evidence/slow-step/se-server-drill.csv:3:1: warning: step 'files' of scenario 'se-server' "
             "took 3 h, estimated 1 h [PG4147]\n");
}

BOOST_AUTO_TEST_CASE(measured_critical_path_longer_than_the_rto) {
  BOOST_TEST(EvidenceFindings({"tests/data/evidence/over-rto"}) ==
             "tests/data/evidence/over-rto/se-server-drill.csv:2:1: warning: step 'prepare' of scenario 'se-server' "
             "took 6 h 30 min, estimated 2 h [PG4147]\n"
             "tests/data/evidence/over-rto/se-server-drill.csv:6:1: error: drill 2026-11-20 of scenario "
             "'se-server' took 9 h 25 min on its critical path (prepare -> deploy -> users -> verify), longer than "
             "its RTO of PT8H [PG4148]\n");
}

BOOST_AUTO_TEST_CASE(malformed_rows_are_reported_with_their_line) {
  testing::TempDir dir;
  std::string f = dir.Write("e.csv",
                            "record,run,plan,backup,location,offsite,scenario,step,role,start,end,result,bytes,files,message\n"
                            "backup,r,p,red-xds,red-backup,no,,,,yesterday,2026-11-30T01:00:00Z,ok,,,\n"
                            "backup,r,p,red-xds\n"
                            "backup,r,p,red-xds,red-backup,no,,,,2026-11-30T01:00:00Z,2026-11-30T01:00:00Z,maybe,,,\n");
  std::string got = EvidenceFindings({f});
  BOOST_TEST(got == f + ":2:1: error: 'yesterday' is not a valid time (2026-11-30T01:00:04-08:00) in column 'start' [PG4141]\n" +
                        f + ":3:1: error: malformed evidence file: the row has 4 fields, the header 15 [PG4140]\n" +
                        f + ":4:1: error: 'maybe' is not a valid result (ok or failed) in column 'result' [PG4141]\n");
}

BOOST_AUTO_TEST_CASE(evidence_entries_share_the_validation_log_model) {
  Compilation c;
  EvidenceFindings({"tests/data/evidence/clean"}, &c);
  BOOST_REQUIRE(c.has_evidence);
  auto entries = EvidenceEntries(c.plan, c.evidence);
  BOOST_TEST(c.evidence_entries.size() == entries.size());
  // Three runs of red-xds (a V1 and a V2 each) and one drill of se-server (a V3 and a V5).
  BOOST_REQUIRE(entries.size() == 8u);
  BOOST_TEST(entries[0].kind == "V1");
  BOOST_TEST(entries[0].target == "red-xds");
  BOOST_TEST(FormatDate(*entries[0].date) == "2026-11-28");
  BOOST_TEST(*entries[1].passed);
  BOOST_TEST(entries[6].kind == "V3");
  BOOST_TEST(entries[6].duration == "4 h 25 min");
  BOOST_TEST(*entries[6].passed);
  BOOST_TEST(entries[7].kind == "V5");
}

BOOST_AUTO_TEST_SUITE_END()
