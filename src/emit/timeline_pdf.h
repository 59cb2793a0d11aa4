// A scenario's timeline drawn as vector graphics on a PDF page: the same lanes, bars, hour grid
// and RTO line as the HTML runbook's SVG (timeline_svg.cc), from the same timing (ComputeTiming).
#pragma once

#include "emit/pdf_document.h"
#include "emit/timeline_svg.h"

namespace plangen {

/// The height in points of `s`'s timeline. With `shown` (one flag per step), of the flagged steps'
/// lanes only, as TimelineSvg.
double TimelinePdfHeight(const Plan& plan, const Scenario& s, const ScenarioTiming& t, const std::vector<bool>& shown = {});

/// Draws `s`'s timeline with its top left at (x, y), `width` points wide: the flagged steps of
/// `shown` only, when given.
void DrawTimelinePdf(PdfCanvas& canvas, double x, double y, double width, const Plan& plan, const Scenario& s,
                     const ScenarioTiming& t, const std::vector<bool>& shown = {});

}  // namespace plangen
