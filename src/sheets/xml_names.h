// Namespace-aware element and attribute matching on a pugixml tree, without allocating per node.
// Elements are recognised by namespace URI and local name, never by prefix.
#pragma once

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace plangen::sheets {

/// The namespace declarations in force at one element: its own xmlns attributes, then its
/// ancestors'. Build one per element while walking down; most elements declare nothing.
class NsScope {
 public:
  NsScope(const NsScope* parent, const pugi::xml_node& element) : parent_(parent) {
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
      const char* n = a.name();
      if (std::strncmp(n, "xmlns", 5) != 0) continue;
      if (n[5] == '\0') decls_.push_back({std::string_view(), a.value()});
      else if (n[5] == ':') decls_.push_back({std::string_view(n + 6), a.value()});
    }
  }

  /// The URI bound to the prefix of a qualified name ("ss:Data" -> prefix "ss"; "Data" -> the
  /// default namespace). "" when nothing is bound.
  const char* UriOf(const char* qname) const {
    const char* colon = std::strchr(qname, ':');
    std::string_view prefix = colon ? std::string_view(qname, colon - qname) : std::string_view();
    for (const NsScope* s = this; s; s = s->parent_) {
      for (const auto& d : s->decls_) {
        if (d.first == prefix) return d.second;
      }
    }
    return "";
  }

  /// True when `element` (whose scope this is) is `local` in namespace `uri`.
  bool Is(const pugi::xml_node& element, const char* uri, const char* local) const {
    if (std::strcmp(LocalOf(element.name()), local) != 0) return false;
    return std::strcmp(UriOf(element.name()), uri) == 0;
  }

  /// The attribute `local` of `element` in namespace `uri`, or without a prefix (Excel always
  /// writes the prefix; hand-written files sometimes do not).
  pugi::xml_attribute Attr(const pugi::xml_node& element, const char* uri, const char* local) const {
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
      const char* n = a.name();
      const char* l = LocalOf(n);
      if (std::strcmp(l, local) != 0) continue;
      if (l == n || std::strcmp(UriOf(n), uri) == 0) {
        if (std::strncmp(n, "xmlns", 5) != 0) return a;
      }
    }
    return pugi::xml_attribute();
  }

  static const char* LocalOf(const char* qname) {
    const char* colon = std::strchr(qname, ':');
    return colon ? colon + 1 : qname;
  }

 private:
  const NsScope* parent_;
  std::vector<std::pair<std::string_view, const char*>> decls_;
};

/// The text of an element and all its descendants, in document order (rich text flattened).
/// Iterative, so hostile nesting depth cannot exhaust the stack.
inline void AppendAllText(const pugi::xml_node& element, std::string* out) {
  pugi::xml_node n = element.first_child();
  while (n) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out->append(n.value());
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != element && !n.next_sibling()) n = n.parent();
    if (!n || n == element) break;
    n = n.next_sibling();
  }
}

}  // namespace plangen::sheets
