// Returned worksheets: recognising sheets, matching rows, and the cross-check rules.
#include <boost/test/unit_test.hpp>

#include "worksheets_in/cell_text.h"
#include "worksheets_in/matching.h"
#include "worksheets_in/returned.h"

using namespace plangen;

BOOST_AUTO_TEST_SUITE(worksheets)

BOOST_AUTO_TEST_CASE(header_keys_ignore_case_spacing_and_punctuation) {
  BOOST_TEST(HeaderKey("Server name (FQDN)") == "servernamefqdn");
  BOOST_TEST(HeaderKey("  server NAME fqdn ") == "servernamefqdn");
  BOOST_TEST(WordsKey("  Rtc   database\non Back End ") == "rtc database on back end");
}

BOOST_AUTO_TEST_SUITE_END()
