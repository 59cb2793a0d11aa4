#include <boost/test/unit_test.hpp>

#include "util/edit_distance.h"
#include "util/iso8601.h"
#include "util/schedule.h"
#include "util/source_manager.h"
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

BOOST_AUTO_TEST_SUITE_END()
