// What it checks: every value of the plan written as a TODO placeholder (plangen init writes them
// for owners, schedules, locations, approvals...) is reported once, at its line and column (PG5101).
// Why: a plan started from a topology is complete only when a person has made these decisions;
// the loader and the other checks skip placeholders, so this is the one list of what is left.
// The pass reads the plan's own text from the source manager rather than the model so that a
// placeholder in any attribute or text, including ones the model does not keep, is found.
#include <pugixml.hpp>

#include <vector>

#include "check/check_context.h"
#include "diag/diagnostic.h"
#include "load/xml_input.h"

namespace plangen {

namespace {

// "backup 'sql01-rtcxds'", "step 'x' of scenario 'y'", "approval 'business'", "criterion of
// governance". The plan element itself is never named: "of plan 'id'" says nothing.
bool IsRoot(const pugi::xml_node& n) { return n.parent().type() != pugi::node_element; }

std::string Describe(const pugi::xml_node& n) {
  std::string name = LocalName(n);
  for (const char* key : {"id", "fqdn", "kind"}) {
    pugi::xml_attribute a = n.attribute(key);
    if (!a || IsRoot(n)) continue;
    std::string self = name + " '" + a.value() + "'";
    // Step ids are unique only within their scenario.
    pugi::xml_node p = n.parent();
    if (pugi::xml_attribute pid = p.attribute("id"); pid && !IsRoot(p)) return self + " of " + LocalName(p) + " '" + pid.value() + "'";
    return self;
  }
  for (pugi::xml_node p = n.parent(); p.type() == pugi::node_element && !IsRoot(p); p = p.parent()) {
    for (const char* key : {"id", "fqdn"}) {
      if (pugi::xml_attribute a = p.attribute(key)) return name + " of " + LocalName(p) + " '" + a.value() + "'";
    }
    if (IsRoot(p.parent())) return name + " of " + LocalName(p);
  }
  return name;
}

std::string TrimLeft(const char* s, uint32_t* lead) {
  *lead = 0;
  while (s[*lead] == ' ' || s[*lead] == '\t' || s[*lead] == '\r' || s[*lead] == '\n') ++*lead;
  return s + *lead;
}

void ScanFile(const SourceManager& sm, int32_t file, DiagEngine& diags) {
  const std::string& text = sm.Text(file);
  pugi::xml_document doc;
  // The loader already parsed this exact text and reported any error; a failure here means there
  // is nothing more to say.
  if (!doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8)) return;
  std::vector<pugi::xml_node> stack{doc.document_element()};
  // Depth-first in document order with an explicit stack (plans may nest deeply when hostile).
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      uint32_t lead = 0;
      std::string v = TrimLeft(a.value(), &lead);
      if (!IsPlaceholder(v)) continue;
      Loc loc = AttrValueLoc(sm, file, n, a.name());
      loc.offset += lead;
      diags.Report(DiagId::err_decision_left, loc, {"'" + std::string(a.name()) + "' of " + Describe(n)});
    }
    std::vector<pugi::xml_node> children;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) {
        children.push_back(c);
      } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        uint32_t lead = 0;
        std::string v = TrimLeft(c.value(), &lead);
        if (!IsPlaceholder(v) || c.offset_debug() < 0) continue;
        diags.Report(DiagId::err_decision_left, Loc::At(file, static_cast<uint32_t>(c.offset_debug()) + lead),
                     {"the text of " + Describe(n)});
      }
    }
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
}

}  // namespace

void CheckDecisions(const CheckContext& ctx, DiagEngine& diags) {
  for (int32_t file : ctx.plan.files) {
    if (file >= 0 && file < ctx.sources.FileCount()) ScanFile(ctx.sources, file, diags);
  }
}

}  // namespace plangen
