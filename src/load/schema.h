// Structural validation of an XML input against a compact schema description.
//
// A schema is text, one element per line:
//   path  @attr @required-attr!  : child? child! child* child+  #text | #text!
// `path` is the element's place (plan/roles/role). Quantifiers: ? at most one, ! exactly one,
// * any number, + at least one. `#text` allows text content, `#text!` requires it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "diag/diagnostic.h"

namespace plangen {

struct ElementRule {
  struct Attr { std::string name; bool required; };
  struct Child { std::string name; char quantifier; };  // '?', '!', '*', '+'
  std::vector<Attr> attrs;
  std::vector<Child> children;
  bool text = false;
  bool text_required = false;
};

class Schema {
 public:
  /// Parses the schema text; a malformed schema is a programming error (aborts).
  explicit Schema(const char* text);
  const ElementRule* Find(const std::string& path) const;
  const std::map<std::string, ElementRule>& rules() const { return rules_; }

 private:
  std::map<std::string, ElementRule> rules_;
};

/// Walks `root` (whose rule is at `path`) and reports unknown elements and attributes (with
/// suggestions), missing required values, repeated elements, stray text and over-long values.
/// Elements in other namespaces than `ns` are reported as unknown. When `relax_required` is set, the
/// root's own required attributes and children are not demanded (plan parts). Iterative, so
/// depth is bounded by the schema, never by the input.
void ValidateTree(const Schema& schema, const std::string& path, const pugi::xml_node& root, const std::string& ns,
                  int32_t file, const SourceManager& sm, DiagEngine& diags, bool relax_required = false);

}  // namespace plangen
