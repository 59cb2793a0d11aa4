#include "emit/svg_png.h"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <csetjmp>
#include <cstdint>
#include <memory>
#include <vector>

#include "audit/sha256.h"

namespace plangen {

namespace {

constexpr double kMaxSide = 10000;

void AppendPng(png_structp png, png_bytep data, size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}

void FlushNothing(png_structp) {}

// The pixels of `surface` (CAIRO_FORMAT_RGB24: one native-endian 32-bit word a pixel, 0x00RRGGBB)
// as an 8-bit RGB PNG. Not cairo's own writer, which asks zlib for its default level and libpng
// for every filter: a timeline is flat colours and text, which the fastest level without filters
// packs within a few per cent of that, at a fifth of the time (bench: 2.9 ms against 14 ms for a
// 1440x252 timeline). The bytes depend on the pixels and these settings only.
bool WritePng(cairo_surface_t* surface, std::string* out) {
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* pixels = cairo_image_surface_get_data(surface);
  if (!pixels || width <= 0 || height <= 0) return false;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    return false;
  }
  std::vector<unsigned char> row(static_cast<size_t>(width) * 3);
  if (setjmp(png_jmpbuf(png))) {  // libpng's way to report an error; nothing here needs unwinding
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, out, &AppendPng, &FlushNothing);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) {
    const unsigned char* line = pixels + static_cast<ptrdiff_t>(y) * stride;
    for (int x = 0; x < width; ++x) {
      uint32_t p;
      std::memcpy(&p, line + 4 * static_cast<ptrdiff_t>(x), sizeof p);
      row[3 * static_cast<size_t>(x)] = static_cast<unsigned char>(p >> 16);
      row[3 * static_cast<size_t>(x) + 1] = static_cast<unsigned char>(p >> 8);
      row[3 * static_cast<size_t>(x) + 2] = static_cast<unsigned char>(p);
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

std::string WithoutTitles(const std::string& svg) {
  std::string out;
  out.reserve(svg.size());
  size_t at = 0;
  for (size_t open; (open = svg.find("<title>", at)) != std::string::npos;) {
    const size_t close = svg.find("</title>", open);
    if (close == std::string::npos) break;
    out.append(svg, at, open - at);
    at = close + 8;
  }
  out.append(svg, at, std::string::npos);
  return out;
}

bool SvgToPng(const std::string& svg, double scale, std::string* png, int* width, int* height, std::string* err) {
  GError* gerr = nullptr;
  std::unique_ptr<RsvgHandle, decltype(&g_object_unref)> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerr), &g_object_unref);
  if (!handle) {
    *err = std::string("the SVG cannot be read: ") + (gerr ? gerr->message : "unknown error");
    if (gerr) g_error_free(gerr);
    return false;
  }
  gdouble w = 0, h = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h) || !(w > 0) || !(h > 0) ||
      !std::isfinite(w) || !std::isfinite(h)) {
    *err = "the SVG has no usable width and height";
    return false;
  }
  // A tall drawing (the timeline of a scenario of hundreds of roles) is drawn smaller rather than
  // as a bitmap of hundreds of megabytes: no side longer than kMaxSide pixels.
  scale = std::min(scale, kMaxSide / std::max(w, h));
  *width = std::max(1, static_cast<int>(std::ceil(w * scale)));
  *height = std::max(1, static_cast<int>(std::ceil(h * scale)));
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, *width, *height), &cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), &cairo_destroy);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  RsvgRectangle viewport{0, 0, static_cast<double>(*width), static_cast<double>(*height)};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &gerr)) {
    *err = std::string("the SVG cannot be drawn: ") + (gerr ? gerr->message : "unknown error");
    if (gerr) g_error_free(gerr);
    return false;
  }
  cairo_surface_flush(surface.get());
  png->clear();
  if (!WritePng(surface.get(), png)) {
    *err = "the PNG cannot be written";
    return false;
  }
  return true;
}

bool PngCache::Draw(const std::string& svg, double scale, Png* png, std::string* err) {
  char factor[64];
  std::snprintf(factor, sizeof factor, "%a ", scale);  // every bit of the scale
  const std::string key = audit::Sha256Hex(factor + WithoutTitles(svg));
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = by_drawing_.find(key);
    if (it != by_drawing_.end()) {
      *png = it->second;
      return true;
    }
  }
  std::string bytes;
  if (!SvgToPng(svg, scale, &bytes, &png->width, &png->height, err)) return false;
  const std::string digest = audit::Sha256Hex(bytes);
  std::lock_guard<std::mutex> lock(mutex_);
  ++drawn_;
  auto same = by_png_.find(digest);
  if (same != by_png_.end()) {
    png->bytes = same->second;
  } else {
    png->bytes = std::make_shared<const std::string>(std::move(bytes));
    if (bytes_ + png->bytes->size() > kMaxBytes) return true;
    bytes_ += png->bytes->size();
    by_png_.emplace(digest, png->bytes);
  }
  if (by_drawing_.size() < kMaxDrawings) by_drawing_.emplace(key, *png);
  return true;
}

}  // namespace plangen
