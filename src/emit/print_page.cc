#include "emit/print_page.h"

#include <cstdio>

#include "emit/emit_context.h"

namespace plangen {

const char* PaperName(Paper paper) { return paper == Paper::kLetter ? "letter" : "a4"; }

std::optional<Paper> ParsePaper(std::string_view name) {
  if (name == "a4") return Paper::kA4;
  if (name == "letter") return Paper::kLetter;
  return std::nullopt;
}

std::string CssString(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || c == '&') {
      // A hex escape ends at the space after it; CSS reads "\3c " as '<'.
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%x ", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string PrintFooterPlan(const EmitContext& ctx) {
  const Plan& p = ctx.plan;
  std::string title = p.title.empty() ? p.id.value : p.title.value;
  return title + ", version " + p.version.value;
}

void SetPrintPage(const EmitContext& ctx, const std::string& footer, TemplateData* view) {
  view->set("paper_size", std::string(ctx.paper == Paper::kLetter ? "letter" : "A4"));
  view->set("print_footer", CssString(footer));
}

}  // namespace plangen
