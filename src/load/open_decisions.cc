#include "load/open_decisions.h"

#include <string>

#include "load/xml_input.h"

namespace plangen {

namespace {

// The plan element itself is never named: "of plan 'id'" says nothing.
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

}  // namespace

void RecordOpenDecisions(const SourceManager& sm, int32_t file, const pugi::xml_node& root,
                         std::vector<OpenDecision>* out) {
  std::vector<pugi::xml_node> stack{root};
  while (!stack.empty()) {
    pugi::xml_node n = stack.back();
    stack.pop_back();
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      uint32_t lead = 0;
      if (!IsPlaceholder(TrimLeft(a.value(), &lead))) continue;
      Loc loc = AttrValueLoc(sm, file, n, a.name());
      loc.offset += lead;
      out->push_back({loc, Describe(n), a.name(), {}});
    }
    std::vector<pugi::xml_node> children;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) {
        children.push_back(c);
      } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        uint32_t lead = 0;
        if (!IsPlaceholder(TrimLeft(c.value(), &lead)) || c.offset_debug() < 0) continue;
        out->push_back({Loc::At(file, static_cast<uint32_t>(c.offset_debug()) + lead), Describe(n), "", {}});
      }
    }
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
}

}  // namespace plangen
