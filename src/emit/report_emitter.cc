// report/: the cross-check findings as text, JSON and SARIF 2.1.0.
#include <sstream>

#include "diag/printers.h"
#include "emit/emitters.h"
#include "plangen_config.h"

namespace plangen {

bool EmitReport(const EmitContext& ctx, OutputSet& out) {
  std::ostringstream text, json, sarif;
  // Files are named as in every output (from the plan's folder), not as typed on the command line.
  TextOptions t;
  t.output_names = true;
  PrintText(ctx.diags, text, t);
  PrintJson(ctx.diags, json, true);
  PrintSarif(ctx.diags, sarif, PLANGEN_VERSION, true);
  out.Add("report/findings.txt", text.str());
  out.Add("report/findings.json", json.str());
  out.Add("report/findings.sarif", sarif.str());
  return true;
}

}  // namespace plangen
