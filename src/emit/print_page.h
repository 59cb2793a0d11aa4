// How the HTML outputs print: the paper size (--paper) and the running footer of each page, as
// CSS paged media (@page size and margin boxes) in the shared print_css partial.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tmpl/templates.h"

namespace plangen {

enum class Paper { kA4, kLetter };

/// "a4", "letter": the --paper value, and what the audit package's MANIFEST records.
const char* PaperName(Paper paper);
/// The paper named `name` ("a4", "letter"), or nothing.
std::optional<Paper> ParsePaper(std::string_view name);

/// `text` as a double-quoted CSS string that is safe inside a <style> element: quotes and
/// backslashes escaped, '<' and control characters as hex escapes.
std::string CssString(std::string_view text);

struct EmitContext;

/// Sets the print keys of an HTML page's view: `paper_size` (the @page size, "A4" or "letter")
/// and `print_footer` (raw: a CSS string of `footer`, shown at the bottom left of every page).
void SetPrintPage(const EmitContext& ctx, const std::string& footer, TemplateData* view);

/// "<plan title>, version <v>": the start of every page's footer.
std::string PrintFooterPlan(const EmitContext& ctx);

}  // namespace plangen
