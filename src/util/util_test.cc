#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <stdlib.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "util/edit_distance.h"
#include "util/free_memory.h"
#include "util/iso8601.h"
#include "util/name_maps.h"
#include "util/schedule.h"
#include "util/scratch_file.h"
#include "util/source_manager.h"
#include "util/strings.h"
#include "util/text_decode.h"

using namespace plangen;

BOOST_AUTO_TEST_SUITE(util)

BOOST_AUTO_TEST_CASE(line_column_counts_code_points) {
  SourceManager sm;
  int32_t f = sm.AddFile("a.xml", "ab\nc\xC3\xA9x\n");
  int line, col;
  sm.LineColumn(f, 0, &line, &col);
  BOOST_TEST(line == 1);
  BOOST_TEST(col == 1);
  sm.LineColumn(f, 6, &line, &col);  // 'x' after a two-byte character
  BOOST_TEST(line == 2);
  BOOST_TEST(col == 3);
  BOOST_TEST(sm.Offset(f, 2, 3) == 6u);
}

BOOST_AUTO_TEST_CASE(cell_names) {
  BOOST_TEST(CellName(7, 4) == "D7");
  BOOST_TEST(ColumnName(27) == "AA");
  BOOST_TEST(ColumnName(16384) == "XFD");
}

BOOST_AUTO_TEST_CASE(suggestions) {
  BOOST_TEST(Suggest("bakup", {"backup", "backups", "role"}) == "backup");
  BOOST_TEST(Suggest("zzzzzz", {"backup", "role"}) == "");
  // Two swapped letters are one slip, not two.
  BOOST_TEST(EditDistance("buidl", "build") == 1);
  BOOST_TEST(EditDistance("ab", "ba") == 1);
  BOOST_TEST(EditDistance("abc", "ca") == 3);
  BOOST_TEST(Suggest("buidl", {"build", "check", "init"}) == "build");
}

BOOST_AUTO_TEST_CASE(durations) {
  BOOST_TEST(ParseDuration("PT4H")->TotalSeconds() == 4 * 3600);
  BOOST_TEST(ParseDuration("P1DT12H")->TotalSeconds() == 36 * 3600);
  BOOST_TEST(ParseDuration("P3M")->months == 3);
  BOOST_TEST(!ParseDuration("4H"));
  BOOST_TEST(!ParseDuration("P4H"));
  BOOST_TEST(!ParseDuration("P"));
  BOOST_TEST(!ParseDuration("PT"));
  BOOST_TEST(FormatDate(ParseDuration("P1M")->AddTo(*ParseDate("2026-01-31"))) == "2026-02-28");
}

BOOST_AUTO_TEST_CASE(dates) {
  BOOST_TEST(FormatDate(*ParseDate("2026-12-01")) == "2026-12-01");
  BOOST_TEST(!ParseDate("2026-02-30"));
  BOOST_TEST(!ParseDate("2026-2-3"));
  BOOST_TEST(Weekday(*ParseDate("2026-11-29")) == 6);  // a Sunday
}

BOOST_AUTO_TEST_CASE(schedules_readable_and_rrule_agree) {
  BOOST_TEST(ParseSchedule("daily 02:00")->Canonical() == "daily 02:00");
  BOOST_TEST(ParseSchedule("Daily 2:00 AM")->Canonical() == "daily 02:00");
  BOOST_TEST(ParseSchedule("FREQ=DAILY;BYHOUR=2;BYMINUTE=0")->Canonical() == "daily 02:00");
  BOOST_TEST(ParseSchedule("weekly sun 03:30")->ToRRule() == "FREQ=WEEKLY;BYDAY=SU;BYHOUR=3;BYMINUTE=30");
  BOOST_TEST(ParseSchedule("Weekly on Sunday at 3:30 AM")->Canonical() == "weekly sun 03:30");
  BOOST_TEST(ParseSchedule("monthly 1 04:00")->ToRRule() == "FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=4;BYMINUTE=0");
  BOOST_TEST(ParseSchedule("hourly :15")->ToRRule() == "FREQ=HOURLY;BYMINUTE=15");
  BOOST_TEST(ParseSchedule("every 6 hours")->MaxGapSeconds() == 6 * 3600);
  BOOST_TEST(ParseSchedule("weekly mon,thu 22:00")->MaxGapSeconds() == 4 * 86400);
  std::string why;
  BOOST_TEST(!ParseSchedule("daily 25:00", &why));
  BOOST_TEST(!ParseSchedule("fortnightly 02:00", &why));
  BOOST_TEST(!ParseSchedule("FREQ=WEEKLY;BYHOUR=2;BYMINUTE=0", &why));
  BOOST_TEST(why == "a weekly RRULE needs BYDAY");
}

// Gaps come from libical's expansion over 2001-2028, not from "a month is 31 days".
BOOST_AUTO_TEST_CASE(schedule_gaps_are_computed_on_the_calendar) {
  const int64_t day = 86400;
  BOOST_TEST(ParseSchedule("monthly 30 04:00")->MaxGapSeconds() == 60 * day);  // 30 Jan -> 30 Mar of a leap year
  BOOST_TEST(ParseSchedule("monthly 31 04:00")->MaxGapSeconds() == 61 * day);  // 31 Mar -> 31 May
  BOOST_TEST(ParseSchedule("monthly 1,15 04:00")->MaxGapSeconds() == 17 * day);  // 15 Jan -> 1 Feb
  BOOST_TEST(ParseSchedule("monthly 1 04:00")->MaxGapSeconds() == 31 * day);
  BOOST_TEST(ParseSchedule("FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=1;BYMINUTE=0")->MaxGapSeconds() == 31 * day);
  BOOST_TEST(ParseSchedule("FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=1;BYMINUTE=0")->MaxGapSeconds() == 35 * day);
  BOOST_TEST(ParseSchedule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYHOUR=1;BYMINUTE=0")->MaxGapSeconds() == 1461 * day);
  BOOST_TEST(ParseSchedule("FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=-1;BYHOUR=1;BYMINUTE=0")->MaxGapSeconds() == 92 * day);
  BOOST_TEST(ParseSchedule("daily 02:00")->MaxGapSeconds() == day);
  BOOST_TEST(ParseSchedule("every 3 days 02:00")->MaxGapSeconds() == 3 * day);
  BOOST_TEST(ParseSchedule("every 7 hours")->MaxGapSeconds() == 7 * 3600);
  BOOST_TEST(ParseSchedule("hourly :15")->MaxGapSeconds() == 3600);
  BOOST_TEST(ParseSchedule("weekly sun 03:30")->MaxGapSeconds() == 7 * day);
  BOOST_TEST(ParseSchedule("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;BYHOUR=1;BYMINUTE=0")->MaxGapSeconds() == 14 * day);
  BOOST_TEST(ParseSchedule("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=1;BYMINUTE=0")->MaxGapSeconds() == 3 * day);
  BOOST_TEST(ParseSchedule("FREQ=HOURLY;BYHOUR=8,12,16;BYMINUTE=0")->MaxGapSeconds() == 16 * 3600);
}

BOOST_AUTO_TEST_CASE(schedule_rrule_subset_and_its_refusals) {
  // Written in any order and case, an RRULE means the same as its readable form.
  BOOST_TEST((*ParseSchedule("rrule:freq=daily;byminute=0;byhour=2") == *ParseSchedule("daily 02:00")));
  BOOST_TEST(ParseSchedule("FREQ=DAILY;BYMINUTE=0;BYHOUR=2")->Canonical() == "daily 02:00");
  BOOST_TEST(ParseSchedule("daily 02:00")->key != ParseSchedule("daily 03:00")->key);
  auto last = ParseSchedule("FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=1;BYMINUTE=0");
  BOOST_TEST(last->Canonical() == "FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=1;BYMINUTE=0");
  std::vector<LocalTime> runs = last->Runs(LocalTime::At(*ParseDate("2028-02-01"), 0, 0), LocalTime::At(*ParseDate("2028-05-01"), 0, 0), 10);
  BOOST_TEST(runs.size() == 3u);
  BOOST_TEST(FormatLocalTime(runs[0]) == "2028-02-29 01:00");
  BOOST_TEST(FormatLocalTime(runs[2]) == "2028-04-30 01:00");
  // INTERVAL counts from one fixed start, wherever the expansion begins.
  runs = ParseSchedule("every 7 hours")->Runs(LocalTime::At(*ParseDate("2026-12-01"), 0, 0), LocalTime::At(*ParseDate("2026-12-02"), 0, 0), 2);
  BOOST_TEST(runs.size() == 2u);
  BOOST_TEST(FormatLocalTime(runs[0]) == "2026-12-01 04:00");
  BOOST_TEST(FormatLocalTime(runs[1]) == "2026-12-01 11:00");
  auto refused = [](const std::string& text) {
    std::string why;
    BOOST_TEST(!ParseSchedule(text, &why), text);
    return why;
  };
  BOOST_TEST(refused("FREQ=DAILY;COUNT=3;BYHOUR=1;BYMINUTE=0") == "COUNT is not allowed: a schedule runs until the plan changes it");
  BOOST_TEST(refused("FREQ=DAILY;UNTIL=20270101T000000Z;BYHOUR=1;BYMINUTE=0") == "UNTIL is not allowed: a schedule runs until the plan changes it");
  BOOST_TEST(refused("FREQ=DAILY;BYHOUR=1;BYMINUTE=0;BYSECOND=0") == "BYSECOND is not allowed: runs are planned to the minute");
  BOOST_TEST(refused("FREQ=MINUTELY;INTERVAL=30") == "FREQ=MINUTELY is not supported: runs are planned at most hourly (FREQ=HOURLY with BYMINUTE)");
  BOOST_TEST(refused("FREQ=FORTNIGHTLY;BYHOUR=1;BYMINUTE=0") == "FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY");
  BOOST_TEST(refused("FREQ=DAILY;BYHOUR=24;BYMINUTE=0") == "BYHOUR must list hours from 0 to 23");
  BOOST_TEST(refused("FREQ=WEEKLY;BYDAY=1MO;BYHOUR=1;BYMINUTE=0") == "BYDAY positions such as -1FR need FREQ=MONTHLY or FREQ=YEARLY");
  BOOST_TEST(refused("FREQ=WEEKLY;BYDAY=MON;BYHOUR=1;BYMINUTE=0") == "BYDAY takes MO, TU, WE, TH, FR, SA or SU");
  BOOST_TEST(refused("FREQ=MONTHLY;BYMONTHDAY=0;BYHOUR=1;BYMINUTE=0") == "BYMONTHDAY must list days from 1 to 31 or -31 to -1 (-1 is the last day)");
  BOOST_TEST(refused("FREQ=MONTHLY;BYHOUR=1;BYMINUTE=0") == "a monthly RRULE needs BYMONTHDAY or BYDAY");
  BOOST_TEST(refused("FREQ=YEARLY;BYMONTH=2;BYHOUR=1;BYMINUTE=0") == "a yearly RRULE needs BYMONTHDAY, BYDAY or BYYEARDAY");
  BOOST_TEST(refused("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=1;BYMINUTE=0") == "it never runs (no day in 2001-2028 matches it)");
  BOOST_TEST(refused("FREQ=DAILY;BYHOUR=1;BYHOUR=2;BYMINUTE=0") == "BYHOUR appears twice");
  BOOST_TEST(refused("FREQ=DAILY;X-NAME=1;BYHOUR=1;BYMINUTE=0") == "'X-NAME' is not an RRULE part");
  BOOST_TEST(refused("FREQ=DAILY;RSCALE=HEBREW;BYHOUR=1;BYMINUTE=0") == "RSCALE is not supported: schedules use the Gregorian calendar");
  BOOST_TEST(refused("monthly 31") == "a time such as 02:00 is missing");
}

BOOST_AUTO_TEST_CASE(decode_utf16_and_latin1) {
  std::string text;
  std::string le("\xFF\xFE<\0a\0/\0>\0", 10);
  BOOST_TEST(DecodeXmlBytes(le, &text).ok);
  BOOST_TEST(text == "<a/>");
  std::string latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xE9</a>";
  BOOST_TEST(DecodeXmlBytes(latin, &text).ok);
  BOOST_TEST(text.find("\xC3\xA9") != std::string::npos);
  DecodeResult bad = DecodeXmlBytes(std::string("<a>\0</a>", 8), &text);
  BOOST_TEST(!bad.ok);
  BOOST_TEST(bad.error_offset == 3u);
  BOOST_TEST(!DecodeXmlBytes("<?xml version=\"1.0\" encoding=\"UTF-7\"?><a/>", &text).ok);
  BOOST_TEST(!DecodeXmlBytes("<a>\xC3(</a>", &text).ok);
}

BOOST_AUTO_TEST_CASE(output_names_start_from_the_plans_folder) {
  namespace fs = std::filesystem;
  char templ[] = "/tmp/plangen-output-name.XXXXXX";
  BOOST_REQUIRE(mkdtemp(templ));
  const fs::path root = templ;
  for (const char* f : {"site/plans/plan.xml", "site/plans/parts/roles.xml", "site/topology.tbxml",
                        "share/worksheets/p/profile.xml"}) {
    fs::create_directories((root / f).parent_path());
    std::ofstream(root / f) << "x";
  }
  SourceManager sm;
  int32_t plan = sm.AddFile((root / "site/plans/./plan.xml").string(), "x");
  int32_t part = sm.AddFile((root / "site/plans/parts/roles.xml").string(), "x");
  int32_t topo = sm.AddFile((root / "site/plans/../topology.tbxml").string(), "x");
  int32_t profile = sm.AddFile((root / "share/worksheets/p/profile.xml").string(), "x");
  int32_t stdin_like = sm.AddFile("<stdin>", "x");
  // Before the roots are known, outputs use the names as given.
  BOOST_TEST(sm.OutputName(plan) == (root / "site/plans/./plan.xml").string());
  sm.SetOutputRoots((root / "site/plans").string(), (root / "share").string());
  BOOST_TEST(sm.OutputName(plan) == "plan.xml");
  BOOST_TEST(sm.OutputName(part) == "parts/roles.xml");
  BOOST_TEST(sm.OutputName(topo) == "../topology.tbxml");
  BOOST_TEST(sm.OutputName(profile) == "worksheets/p/profile.xml");
  BOOST_TEST(sm.OutputName(stdin_like) == "<stdin>");
  BOOST_TEST(sm.ResolveForOutput(Loc::At(part, 0)).file == "parts/roles.xml");
  BOOST_TEST(sm.Resolve(Loc::At(part, 0)).file == (root / "site/plans/parts/roles.xml").string());
  fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(free_text_folds_its_white_space) {
  BOOST_TEST(plangen::CollapseSpace("  Restore\n\t the  store \r\n") == "Restore the store");
  BOOST_TEST(plangen::CollapseSpace(" \n ") == "");
  BOOST_TEST(plangen::CollapseSpace("d\xC3\xA9j\xC3\xA0  vu") == "d\xC3\xA9j\xC3\xA0 vu");
}

BOOST_AUTO_TEST_CASE(xml_values_keep_their_breaks) {
  BOOST_TEST(plangen::EscapeXmlValue("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;");
  BOOST_TEST(plangen::EscapeXmlValue("one\ttwo\nthree\r") == "one&#9;two&#10;three&#13;");
  BOOST_TEST(plangen::EscapeXmlValue("it's") == "it's");
}

// A memory file system is taken when the path is one; a disk folder, a file or a missing path is
// not. (/dev/shm is a tmpfs on Debian; where it is not, the first check is left out.)
BOOST_AUTO_TEST_CASE(memory_file_system_dir_takes_only_a_writable_tmpfs) {
  struct statfs fs;
  if (statfs("/dev/shm", &fs) == 0 && static_cast<long>(fs.f_type) == 0x01021994 && access("/dev/shm", W_OK | X_OK) == 0 &&
      static_cast<uint64_t>(fs.f_bavail) * fs.f_bsize >= (1ull << 30))
    BOOST_TEST(plangen::MemoryFileSystemDir() == "/dev/shm");
  else
    BOOST_TEST_MESSAGE("/dev/shm is no writable tmpfs with 1 GiB free here");
  // A tmpfs with less room than asked for is passed over (a container's 64 MiB /dev/shm).
  if (!plangen::MemoryFileSystemDir("/dev/shm", 1).empty())
    BOOST_TEST(plangen::MemoryFileSystemDir("/dev/shm", uint64_t{1} << 60).empty());
  const std::string here = std::filesystem::current_path().string();
  if (statfs(here.c_str(), &fs) == 0 && static_cast<long>(fs.f_type) != 0x01021994)
    BOOST_TEST(plangen::MemoryFileSystemDir(here).empty(), here);
  BOOST_TEST(plangen::MemoryFileSystemDir("/dev/shm/plangen-no-such-folder").empty());
  BOOST_TEST(plangen::MemoryFileSystemDir("/proc/self/status").empty());
}

// A folded map finds a name in any ASCII case, and only that name; a plain one only in its case.
BOOST_AUTO_TEST_CASE(name_maps_fold_ascii_case_only) {
  const std::vector<std::string> names = {"FE01.Contoso.com", "fe02.contoso.com", "Pool-A", "caf\xc3\x89.contoso.com"};
  FoldedNameMap<int> folded;
  NameMap<int> exact;
  for (size_t i = 0; i < names.size(); ++i) {
    folded.emplace(names[i], static_cast<int>(i));
    exact.emplace(names[i], static_cast<int>(i));
  }
  BOOST_TEST(folded.count("fe01.contoso.com") == 1u);
  BOOST_TEST(folded.at("FE02.CONTOSO.COM") == 1);
  BOOST_TEST(folded.at("pool-a") == 2);
  BOOST_TEST(folded.count("fe01.contoso.co") == 0u);
  BOOST_TEST(folded.count("fe01.contoso.com.") == 0u);
  BOOST_TEST(folded.count("fe03.contoso.com") == 0u);
  // Only ASCII letters fold: the bytes of a UTF-8 letter are compared as they are.
  BOOST_TEST(folded.count("CAF\xc3\x89.contoso.com") == 1u);
  BOOST_TEST(folded.count("caf\xc3\xa9.contoso.com") == 0u);
  BOOST_TEST(exact.count("FE01.Contoso.com") == 1u);
  BOOST_TEST(exact.count("fe01.contoso.com") == 0u);
  for (const char* a : {"Fe01.Contoso.Com", "fe01.contoso.com", "FE01.CONTOSO.COM"}) {
    BOOST_TEST(FoldedHash{}(a) == FoldedHash{}("FE01.Contoso.com"));
    BOOST_TEST(FoldedEqual{}(a, "FE01.Contoso.com"));
  }
  BOOST_TEST(!FoldedEqual{}("fe01", "fe1"));
  BOOST_TEST(!FoldedEqual{}("fe01[", "fe01{"));  // '[' and '{' are 32 apart but are not letters
}

// An input whose text is its bytes is kept once; one whose text differs keeps its own bytes.
BOOST_AUTO_TEST_CASE(source_manager_keeps_an_input_once_when_its_text_is_its_bytes) {
  SourceManager sm;
  sm.KeepInput("plan.xml", "<plan/>");
  int32_t plan = sm.AddFile("plan.xml", "<plan/>");
  sm.ShareInputWithText("plan.xml", plan);
  BOOST_REQUIRE(sm.InputBytes("plan.xml"));
  BOOST_TEST(*sm.InputBytes("plan.xml") == "<plan/>");
  BOOST_TEST(sm.InputBytes("plan.xml") == &sm.Text(plan));  // the same string, not a copy
  BOOST_TEST(sm.Inputs().at(sm.Inputs().begin()->first).bytes() == "<plan/>");

  const std::string bom = "\xEF\xBB\xBF<plan/>";
  sm.KeepInput("bom.xml", bom);
  int32_t decoded = sm.AddFile("bom.xml", "<plan/>");
  sm.ShareInputWithText("bom.xml", decoded);
  BOOST_TEST(*sm.InputBytes("bom.xml") == bom);  // what was read, not what was decoded
  // Files added later do not move the text an input shares.
  for (int i = 0; i < 1000; ++i) sm.AddFile("f" + std::to_string(i), std::string(100, 'x'));
  BOOST_TEST(*sm.InputBytes("plan.xml") == "<plan/>");
  // Reading the file again keeps the new bytes.
  sm.KeepInput("plan.xml", "<plan>2</plan>");
  BOOST_TEST(*sm.InputBytes("plan.xml") == "<plan>2</plan>");
  BOOST_TEST(sm.Inputs().size() == 2u);
}

// Pages freed between blocks still in use go back to the system: the allocator alone keeps them.
// A sanitizer brings its own allocator (GCC says so with __SANITIZE_*__, clang with __has_feature).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PLANGEN_SANITIZER_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define PLANGEN_SANITIZER_ALLOCATOR 1
#endif
#endif

BOOST_AUTO_TEST_CASE(return_free_memory_gives_back_pages_freed_between_live_blocks) {
#if defined(__GLIBC__) && !defined(PLANGEN_SANITIZER_ALLOCATOR)
  auto rss = [] {
    long pages = 0, resident = 0;
    std::ifstream("/proc/self/statm") >> pages >> resident;
    return resident * sysconf(_SC_PAGESIZE);
  };
  constexpr size_t kBlock = 4096, kBlocks = 32768;  // 128 MiB
  std::vector<char*> blocks(kBlocks);
  for (char*& b : blocks) {
    b = static_cast<char*>(std::malloc(kBlock));
    std::memset(b, 1, kBlock);
  }
  // Every 64th block stays: the freed ones cannot be handed back by shrinking the heap's end.
  for (size_t i = 0; i < kBlocks; ++i) {
    if (i % 64 == 0) continue;
    std::free(blocks[i]);
    blocks[i] = nullptr;
  }
  const long before = rss();
  ReturnFreeMemory();
  const long after = rss();
  BOOST_TEST(before - after > 64L * 1024 * 1024, "resident before " << before << ", after " << after);
  for (char* b : blocks) std::free(b);
#else
  BOOST_TEST_MESSAGE("not glibc's allocator (a sanitizer's, or another C library's): nothing to measure");
#endif
}

BOOST_AUTO_TEST_SUITE_END()
