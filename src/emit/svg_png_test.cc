// The PNG cache gives the bytes SvgToPng gives, and draws each drawing once.
#include <cairo.h>

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <cstring>
#include <memory>

#include "emit/svg_png.h"

namespace plangen {
namespace {

std::string Drawing(const std::string& fill) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect x=\"5\" y=\"5\" width=\"30\" "
         "height=\"10\" fill=\"" + fill + "\"/></svg>";
}

struct Reading {
  const std::string* bytes;
  size_t at = 0;
};

cairo_status_t ReadPng(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<Reading*>(closure);
  if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes->data() + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

// The colour 0xRRGGBB of pixel (x, y) of `png`, read back with cairo's PNG reader (libpng); -1
// when the bytes are not a PNG of that size.
long PixelOf(const std::string& png, int width, int height, int x, int y) {
  Reading r{&png};
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> s(
      cairo_image_surface_create_from_png_stream(&ReadPng, &r), &cairo_surface_destroy);
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS || cairo_image_surface_get_width(s.get()) != width ||
      cairo_image_surface_get_height(s.get()) != height)
    return -1;
  uint32_t p;
  std::memcpy(&p, cairo_image_surface_get_data(s.get()) + y * cairo_image_surface_get_stride(s.get()) + 4 * x, sizeof p);
  return static_cast<long>(p & 0xffffffu);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_png)

// The PNG holds the drawing: its size, a white background, and the rectangle's colour inside it.
BOOST_AUTO_TEST_CASE(titles_are_left_out_of_what_is_drawn) {
  BOOST_TEST(WithoutTitles("<svg><title>A &amp; B</title><g><title>x</title><rect/></g></svg>") == "<svg><g><rect/></g></svg>");
  BOOST_TEST(WithoutTitles("<svg><rect/></svg>") == "<svg><rect/></svg>");
  BOOST_TEST(WithoutTitles("<svg><title>open") == "<svg><title>open");
}

BOOST_AUTO_TEST_CASE(the_png_reads_back_as_the_drawing) {
  std::string png, err;
  int w = 0, h = 0;
  BOOST_REQUIRE(SvgToPng(Drawing("#123456"), 2, &png, &w, &h, &err));
  BOOST_TEST(w == 80);
  BOOST_TEST(h == 40);
  BOOST_TEST(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  BOOST_TEST(PixelOf(png, w, h, 0, 0) == 0xffffffL);
  BOOST_TEST(PixelOf(png, w, h, 40, 20) == 0x123456L);
  BOOST_TEST(PixelOf(png, w, h, 79, 39) == 0xffffffL);
}

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
  // Another text of the same picture (a title is not drawn) shares its PNG, without being drawn.
  PngCache::Png titled;
  std::string svg = Drawing("#123456");
  svg.insert(svg.find("<rect"), "<title>a</title>");
  BOOST_REQUIRE(cache.Draw(svg, 2, &titled, &err));
  BOOST_TEST(titled.bytes.get() == first.bytes.get());
  BOOST_TEST(cache.drawn() == 3u);  // #123456 at 2 and 3, #654321 at 2
  // A drawing that cannot be read fails as SvgToPng does.
  PngCache::Png bad;
  BOOST_TEST(!cache.Draw("<svg", 2, &bad, &err));
  BOOST_TEST(!err.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen
