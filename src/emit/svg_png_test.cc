// The PNG cache gives the bytes SvgToPng gives, and draws each drawing once.
#include <boost/test/unit_test.hpp>

#include "emit/svg_png.h"

namespace plangen {
namespace {

std::string Drawing(const std::string& fill) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect x=\"5\" y=\"5\" width=\"30\" "
         "height=\"10\" fill=\"" + fill + "\"/></svg>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_png)

BOOST_AUTO_TEST_CASE(the_cache_gives_the_bytes_of_a_drawing_and_keeps_equal_pngs_once) {
  PngCache cache;
  std::string direct, err;
  int w = 0, h = 0;
  BOOST_REQUIRE(SvgToPng(Drawing("#123456"), 2, &direct, &w, &h, &err));
  PngCache::Png first, again, other, larger;
  BOOST_REQUIRE(cache.Draw(Drawing("#123456"), 2, &first, &err));
  BOOST_TEST(*first.bytes == direct);
  BOOST_TEST(first.width == w);
  BOOST_TEST(first.height == h);
  // The same drawing again: the bytes kept, not a new drawing.
  BOOST_REQUIRE(cache.Draw(Drawing("#123456"), 2, &again, &err));
  BOOST_TEST(again.bytes.get() == first.bytes.get());
  // Another colour is another picture; another scale another size.
  BOOST_REQUIRE(cache.Draw(Drawing("#654321"), 2, &other, &err));
  BOOST_TEST(*other.bytes != *first.bytes);
  BOOST_REQUIRE(cache.Draw(Drawing("#123456"), 3, &larger, &err));
  BOOST_TEST(larger.width == 120);
  BOOST_TEST(*larger.bytes != *first.bytes);
  // Another text of the same picture (a title is not drawn) shares its PNG.
  PngCache::Png titled;
  std::string svg = Drawing("#123456");
  svg.insert(svg.find("<rect"), "<title>a</title>");
  BOOST_REQUIRE(cache.Draw(svg, 2, &titled, &err));
  BOOST_TEST(titled.bytes.get() == first.bytes.get());
  // A drawing that cannot be read fails as SvgToPng does.
  PngCache::Png bad;
  BOOST_TEST(!cache.Draw("<svg", 2, &bad, &err));
  BOOST_TEST(!err.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen
