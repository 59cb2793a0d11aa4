#include "emit/svg_png.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "audit/sha256.h"

namespace plangen {

namespace {

constexpr double kMaxSide = 10000;

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

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
  if (cairo_surface_write_to_png_stream(surface.get(), &AppendPng, png) != CAIRO_STATUS_SUCCESS) {
    *err = "the PNG cannot be written";
    return false;
  }
  return true;
}

bool PngCache::Draw(const std::string& svg, double scale, Png* png, std::string* err) {
  char factor[64];
  std::snprintf(factor, sizeof factor, "%a ", scale);  // every bit of the scale
  const std::string key = audit::Sha256Hex(factor + svg);
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
