// An SVG drawing as a PNG image, with librsvg and cairo: the bitmap a Word document carries
// beside the SVG for readers that cannot show SVG.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace plangen {

/// Renders `svg` (a standalone SVG document) at `scale` times its own size on a white
/// background into PNG bytes, smaller when a side would pass 10,000 pixels. The same SVG gives the same bytes on every run (no time or
/// text chunks). Returns false with a reason in `err` when the SVG cannot be read.
bool SvgToPng(const std::string& svg, double scale, std::string* png, int* width, int* height, std::string* err);

/// `svg` without its <title> elements (written as "<title>text</title>"): what is drawn of it, the
/// same for drawings that differ only in titles, which no renderer draws.
std::string WithoutTitles(const std::string& svg);

/// SvgToPng for a whole build: a drawing made before (the same scenario's timeline in the runbook
/// of each role that takes part in it, or one that differs from it only in titles) is not drawn
/// again, and equal PNGs are kept once. The same
/// bytes as SvgToPng; safe to use from several threads. Holds at most kMaxBytes of distinct PNGs
/// (past that, drawings are made and not kept).
class PngCache {
 public:
  static constexpr size_t kMaxBytes = 64u << 20;
  static constexpr size_t kMaxDrawings = 1u << 20;

  struct Png {
    std::shared_ptr<const std::string> bytes;
    int width = 0, height = 0;
  };
  /// As SvgToPng.
  bool Draw(const std::string& svg, double scale, Png* png, std::string* err);
  /// How many drawings were drawn (not found made before).
  size_t drawn() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return drawn_;
  }

 private:
  mutable std::mutex mutex_;
  size_t drawn_ = 0;
  std::map<std::string, Png> by_drawing_;                             // SHA-256 of scale and SVG
  std::map<std::string, std::shared_ptr<const std::string>> by_png_;  // SHA-256 of the PNG
  size_t bytes_ = 0;
};

}  // namespace plangen
