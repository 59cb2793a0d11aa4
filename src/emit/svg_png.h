// An SVG drawing as a PNG image, with librsvg and cairo: the bitmap a Word document carries
// beside the SVG for readers that cannot show SVG.
#pragma once

#include <string>

namespace plangen {

/// Renders `svg` (a standalone SVG document) at `scale` times its own size on a white
/// background into PNG bytes, smaller when a side would pass 10,000 pixels. The same SVG gives the same bytes on every run (no time or
/// text chunks). Returns false with a reason in `err` when the SVG cannot be read.
bool SvgToPng(const std::string& svg, double scale, std::string* png, int* width, int* height, std::string* err);

}  // namespace plangen
