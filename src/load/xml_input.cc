#include "load/xml_input.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include "util/input_file.h"
#include "util/text_decode.h"

namespace plangen {

bool ReadFileBytes(const std::string& path, const std::string& display, uint64_t limit, std::string* bytes,
                   SourceManager& sm, DiagEngine& diags) {
  InputFileError err;
  if (ReadInputFile(path, limit, bytes, &err)) {
    sm.KeepInput(path, *bytes);
    return true;
  }
  int32_t f = sm.AddFile(display, "", false);
  if (err.too_large) {
    diags.Report(DiagId::err_file_too_large, Loc::At(f, 0), {display, std::to_string(err.size), std::to_string(limit)});
  } else {
    diags.Report(DiagId::err_file_unreadable, Loc::At(f, 0), {display, err.why});
  }
  bytes->clear();
  return false;
}

namespace {

// The offset of the first DOCTYPE declaration in the prolog, or npos.
size_t FindDoctype(const std::string& text) {
  size_t pos = 0;
  while ((pos = text.find("<!", pos)) != std::string::npos) {
    if (text.compare(pos, 4, "<!--") == 0) {
      size_t end = text.find("-->", pos + 4);
      if (end == std::string::npos) return std::string::npos;
      pos = end + 3;
      continue;
    }
    if (text.compare(pos, 9, "<!DOCTYPE") == 0) return pos;
    return std::string::npos;  // CDATA or similar inside the document: past the prolog
  }
  return std::string::npos;
}

// The prolog ends where the first element starts; a DOCTYPE can only be there.
size_t PrologEnd(const std::string& text) {
  size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string::npos) {
    if (pos + 1 < text.size() && (text[pos + 1] == '?' || text[pos + 1] == '!')) {
      if (text.compare(pos, 4, "<!--") == 0) {
        size_t end = text.find("-->", pos + 4);
        if (end == std::string::npos) return text.size();
        pos = end + 3;
      } else if (text.compare(pos, 9, "<!DOCTYPE") == 0) {
        return text.size();
      } else {
        size_t end = text.find('>', pos);
        if (end == std::string::npos) return text.size();
        pos = end + 1;
      }
      continue;
    }
    return pos;
  }
  return text.size();
}

}  // namespace

bool ParseXml(const std::string& display, const std::string& bytes, XmlDocument* out, SourceManager& sm,
              DiagEngine& diags) {
  std::string text;
  DecodeResult dec = DecodeXmlBytes(bytes, &text);
  out->file = sm.AddFile(display, std::move(text));
  out->ok = false;
  const std::string& t = sm.Text(out->file);
  if (!dec.ok) {
    diags.Report(DiagId::err_xml_encoding, Loc::At(out->file, dec.error_offset), {dec.error});
    return false;
  }
  size_t first = t.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    diags.Report(DiagId::err_xml_empty, Loc::At(out->file, 0));
    return false;
  }
  size_t prolog_end = PrologEnd(t);
  size_t doctype = FindDoctype(t.substr(0, std::min(prolog_end, t.size())));
  if (doctype != std::string::npos) {
    diags.Report(DiagId::err_xml_doctype, Loc::At(out->file, static_cast<uint32_t>(doctype)));
    return false;
  }
  // pugixml turns any number into UTF-8 bytes, a surrogate into bytes that are not UTF-8 at all:
  // a reference must name a character XML text may hold.
  size_t bad_ref = 0;
  std::string ref, why;
  if (FindBadCharacterReference(t, &bad_ref, &ref, &why)) {
    diags.Report(DiagId::err_xml_encoding, Loc::At(out->file, static_cast<uint32_t>(bad_ref)),
                 {"character reference '" + ref + "' names " + why + ", not a character XML text may hold"});
    return false;
  }
  // parse_default without parse_doctype would skip a DOCTYPE silently; we refused it above.
  const unsigned options = pugi::parse_default;
  pugi::xml_parse_result res = out->doc.load_buffer(t.data(), t.size(), options, pugi::encoding_utf8);
  if (!res) {
    uint32_t off = static_cast<uint32_t>(std::max<ptrdiff_t>(0, std::min<ptrdiff_t>(res.offset, t.size())));
    std::string what = res.description();
    for (auto& c : what) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    diags.Report(DiagId::err_xml_malformed, Loc::At(out->file, off), {what});
    out->doc.reset();
    return false;
  }
  // pugixml accepts several top-level elements; XML does not.
  int roots = 0;
  for (pugi::xml_node n = out->doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_element && ++roots == 2) {
      diags.Report(DiagId::err_xml_malformed, NodeLoc(out->file, n), {"more than one root element"});
      out->doc.reset();
      return false;
    }
  }
  if (roots == 0) {
    diags.Report(DiagId::err_xml_malformed, Loc::At(out->file, static_cast<uint32_t>(first)), {"no root element"});
    return false;
  }
  out->ok = true;
  return true;
}

bool LoadXmlFile(const std::string& path, const std::string& display, XmlDocument* out, SourceManager& sm,
                 DiagEngine& diags) {
  std::string bytes;
  if (!ReadFileBytes(path, display, kMaxXmlBytes, &bytes, sm, diags)) return false;
  const bool parsed = ParseXml(display, bytes, out, sm, diags);
  sm.ShareInputWithText(path, out->file);
  return parsed;
}

std::string LocalName(const pugi::xml_node& node) {
  const char* n = node.name();
  const char* colon = std::strchr(n, ':');
  return colon ? colon + 1 : n;
}

std::string NamespaceOf(const pugi::xml_node& node) {
  std::string name = node.name();
  size_t colon = name.find(':');
  std::string attr = colon == std::string::npos ? "xmlns" : "xmlns:" + name.substr(0, colon);
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    pugi::xml_attribute a = n.attribute(attr.c_str());
    if (a) return a.value();
  }
  return "";
}

Loc NodeLoc(int32_t file, const pugi::xml_node& node) {
  ptrdiff_t off = node.offset_debug();
  if (off < 0) return Loc::At(file, 0);
  // offset_debug points at the name; step back to '<' for elements.
  if (node.type() == pugi::node_element && off > 0) --off;
  return Loc::At(file, static_cast<uint32_t>(off));
}

namespace {
// Scans the start tag at `tag` for attribute `name`; returns the offsets of its name and value.
bool FindAttr(const std::string& t, size_t tag, const char* name, size_t* name_off, size_t* value_off) {
  size_t i = tag;
  if (i >= t.size() || t[i] != '<') return false;
  ++i;
  while (i < t.size() && !std::isspace(static_cast<unsigned char>(t[i])) && t[i] != '>' && t[i] != '/') ++i;
  const size_t len = std::strlen(name);
  while (i < t.size()) {
    while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
    if (i >= t.size() || t[i] == '>' || t[i] == '/') return false;
    size_t start = i;
    while (i < t.size() && t[i] != '=' && !std::isspace(static_cast<unsigned char>(t[i])) && t[i] != '>') ++i;
    bool match = (i - start == len) && t.compare(start, len, name) == 0;
    while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
    if (i >= t.size() || t[i] != '=') return false;
    ++i;
    while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
    if (i >= t.size() || (t[i] != '"' && t[i] != '\'')) return false;
    char q = t[i++];
    size_t vstart = i;
    size_t close = t.find(q, i);
    if (close == std::string::npos) return false;
    if (match) {
      *name_off = start;
      *value_off = vstart;
      return true;
    }
    i = close + 1;
  }
  return false;
}
}  // namespace

Loc AttrLoc(const SourceManager& sm, int32_t file, const pugi::xml_node& node, const char* name) {
  Loc l = NodeLoc(file, node);
  size_t n, v;
  if (FindAttr(sm.Text(file), l.offset, name, &n, &v)) l.offset = static_cast<uint32_t>(n);
  return l;
}

Loc AttrValueLoc(const SourceManager& sm, int32_t file, const pugi::xml_node& node, const char* name) {
  Loc l = NodeLoc(file, node);
  size_t n, v;
  if (FindAttr(sm.Text(file), l.offset, name, &n, &v)) l.offset = static_cast<uint32_t>(v);
  return l;
}

Loc TextLoc(int32_t file, const pugi::xml_node& node) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      ptrdiff_t off = c.offset_debug();
      if (off >= 0) return Loc::At(file, static_cast<uint32_t>(off));
    }
  }
  return NodeLoc(file, node);
}

}  // namespace plangen
