#include "load/schema.h"

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <vector>

#include "load/xml_input.h"
#include "util/edit_distance.h"

namespace plangen {

Schema::Schema(const char* text) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string path, w;
    if (!(words >> path) || path[0] == '/') continue;  // blank line or comment
    ElementRule rule;
    bool children = false;
    while (words >> w) {
      if (w == ":") { children = true; continue; }
      if (w == "#text") { rule.text = true; continue; }
      if (w == "#text!") { rule.text = rule.text_required = true; continue; }
      if (w[0] == '@') {
        bool req = w.back() == '!';
        rule.attrs.push_back({w.substr(1, w.size() - 1 - (req ? 1 : 0)), req});
      } else if (children) {
        char q = w.back();
        if (q == '?' || q == '!' || q == '*' || q == '+') {
          rule.children.push_back({w.substr(0, w.size() - 1), q});
        } else {
          rule.children.push_back({w, '?'});
        }
      } else {
        std::abort();  // malformed schema text
      }
    }
    rules_[path] = rule;
  }
}

const ElementRule* Schema::Find(const std::string& path) const {
  auto it = rules_.find(path);
  return it == rules_.end() ? nullptr : &it->second;
}

namespace {

bool IsBlank(const char* s) {
  for (; *s; ++s) {
    if (!std::isspace(static_cast<unsigned char>(*s))) return false;
  }
  return true;
}

size_t CodePoints(const char* s) {
  size_t n = 0;
  for (; *s; ++s) {
    if ((static_cast<unsigned char>(*s) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& names) {
  std::string s = Suggest(word, names);
  return s.empty() ? "" : "; did you mean '" + s + "'?";
}

}  // namespace

void ValidateTree(const Schema& schema, const std::string& root_path, const pugi::xml_node& root,
                  const std::string& ns, int32_t file, const SourceManager& sm, DiagEngine& diags,
                  bool relax_required) {
  struct Item { pugi::xml_node node; std::string path; bool relax; };
  std::vector<Item> stack{{root, root_path, relax_required}};
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const ElementRule* rule = schema.Find(it.path);
    if (!rule) continue;
    const std::string name = LocalName(it.node);

    // Attributes.
    std::vector<std::string> known;
    for (const auto& a : rule->attrs) known.push_back(a.name);
    for (pugi::xml_attribute a = it.node.first_attribute(); a; a = a.next_attribute()) {
      std::string an = a.name();
      if (an == "xmlns" || an.compare(0, 6, "xmlns:") == 0 || an.find(':') != std::string::npos) continue;
      bool ok = false;
      for (const auto& k : known) ok = ok || k == an;
      if (!ok) {
        diags.Report(DiagId::err_xml_unknown_attribute, AttrLoc(sm, file, it.node, a.name()),
                     {an, name, DidYouMean(an, known)});
        continue;
      }
      if (CodePoints(a.value()) > kMaxValueChars) {
        diags.Report(DiagId::err_xml_value_too_long, AttrValueLoc(sm, file, it.node, a.name()),
                     {"attribute '" + an + "'", std::to_string(CodePoints(a.value())), std::to_string(kMaxValueChars)});
      }
    }
    if (!it.relax) {
      for (const auto& a : rule->attrs) {
        if (!a.required) continue;
        pugi::xml_attribute v = it.node.attribute(a.name.c_str());
        if (!v || IsBlank(v.value())) {
          diags.Report(DiagId::err_xml_missing_value, v ? AttrValueLoc(sm, file, it.node, a.name.c_str()) : NodeLoc(file, it.node),
                       {name, "a value for attribute '" + a.name + "'"});
        }
      }
    }

    // Children and text.
    std::vector<std::string> child_names;
    for (const auto& c : rule->children) child_names.push_back(c.name);
    std::map<std::string, pugi::xml_node> first_seen;
    std::map<std::string, int> count;
    bool has_text = false;
    std::vector<Item> kids;
    for (pugi::xml_node c = it.node.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (IsBlank(c.value())) continue;
        has_text = true;
        if (!rule->text) {
          const char* v = c.value();
          uint32_t lead = 0;
          while (v[lead] && std::isspace(static_cast<unsigned char>(v[lead]))) ++lead;
          diags.Report(DiagId::err_xml_text_not_allowed,
                       Loc::At(file, static_cast<uint32_t>(c.offset_debug()) + lead), {name});
        } else if (CodePoints(c.value()) > kMaxValueChars) {
          diags.Report(DiagId::err_xml_value_too_long, Loc::At(file, static_cast<uint32_t>(c.offset_debug())),
                       {"the text of '" + name + "'", std::to_string(CodePoints(c.value())), std::to_string(kMaxValueChars)});
        }
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      std::string cn = LocalName(c);
      const ElementRule::Child* spec = nullptr;
      for (const auto& k : rule->children) {
        if (k.name == cn) spec = &k;
      }
      if (!spec || NamespaceOf(c) != ns) {
        diags.Report(DiagId::err_xml_unknown_element, NodeLoc(file, c), {cn, name, spec ? " (wrong namespace)" : DidYouMean(cn, child_names)});
        continue;
      }
      int n = ++count[cn];
      if (n == 1) first_seen[cn] = c;
      if (n == 2 && (spec->quantifier == '?' || spec->quantifier == '!')) {
        diags.Report(DiagId::err_xml_repeated, NodeLoc(file, c), {cn, name})
            .AddNote(NodeLoc(file, first_seen[cn]), "first '" + cn + "' is here");
      }
      kids.push_back({c, it.path + "/" + cn, false});
    }
    if (rule->text_required && !has_text) {
      diags.Report(DiagId::err_xml_missing_value, NodeLoc(file, it.node), {name, "text"});
    }
    if (!it.relax) {
      for (const auto& k : rule->children) {
        if ((k.quantifier == '!' || k.quantifier == '+') && count[k.name] == 0) {
          diags.Report(DiagId::err_xml_missing_value, NodeLoc(file, it.node), {name, "a '" + k.name + "' element"});
        }
      }
    }
    // Visit children in document order.
    for (auto k = kids.rbegin(); k != kids.rend(); ++k) stack.push_back(*k);
  }
}

}  // namespace plangen
