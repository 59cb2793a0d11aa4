#include "load/value_reader.h"

#include <sstream>

#include "load/xml_input.h"

namespace plangen {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

Loc ValueReader::Where(const pugi::xml_node& n) const { return NodeLoc(file_, n); }

Text ValueReader::Attr(const pugi::xml_node& n, const char* name) const {
  pugi::xml_attribute a = n.attribute(name);
  if (!a) return Text{};
  Loc loc = AttrValueLoc(sm_, file_, n, name);
  std::string raw = a.value();
  size_t lead = raw.find_first_not_of(" \t\r\n");
  if (lead != std::string::npos) loc.offset += static_cast<uint32_t>(lead);
  return Text{Trim(raw), loc};
}

Text ValueReader::Content(const pugi::xml_node& n) const {
  std::string s;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
  }
  Loc loc = TextLoc(file_, n);
  std::string t = Trim(s);
  if (!t.empty()) {
    size_t lead = s.find_first_not_of(" \t\r\n");
    if (lead != std::string::npos && loc.offset != NodeLoc(file_, n).offset) loc.offset += static_cast<uint32_t>(lead);
  }
  return Text{t, loc};
}

std::vector<Text> ValueReader::List(const pugi::xml_node& n, const char* name) const {
  std::vector<Text> out;
  pugi::xml_attribute a = n.attribute(name);
  if (!a) return out;
  Loc base = AttrValueLoc(sm_, file_, n, name);
  std::string v = a.value();
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
    size_t start = i;
    while (i < v.size() && !std::isspace(static_cast<unsigned char>(v[i]))) ++i;
    if (i > start) {
      Loc l = base;
      l.offset += static_cast<uint32_t>(start);  // exact while the value holds no escaped characters
      out.push_back(Text{v.substr(start, i - start), l});
    }
  }
  return out;
}

static std::string Choices(std::initializer_list<const char*> allowed) {
  std::string s;
  size_t i = 0;
  for (const char* a : allowed) {
    if (i > 0) s += (i + 1 == allowed.size()) ? " or " : ", ";
    s += "'" + std::string(a) + "'";
    ++i;
  }
  return s;
}

Text ValueReader::Enum(const pugi::xml_node& n, const char* name, std::initializer_list<const char*> allowed) const {
  Text t = Attr(n, name);
  if (t.empty()) return t;
  for (const char* a : allowed) {
    if (t.value == a) return t;
  }
  diags_.Report(DiagId::err_xml_bad_value, t.loc, {t.value, "'" + std::string(name) + "'", Choices(allowed)});
  t.value.clear();
  return t;
}

std::vector<Text> ValueReader::EnumList(const pugi::xml_node& n, const char* name,
                                        std::initializer_list<const char*> allowed) const {
  std::vector<Text> out;
  for (Text& t : List(n, name)) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || t.value == a;
    if (ok) {
      out.push_back(t);
    } else {
      diags_.Report(DiagId::err_xml_bad_value, t.loc, {t.value, "'" + std::string(name) + "'", Choices(allowed)});
    }
  }
  return out;
}

BoolValue ValueReader::Bool(const pugi::xml_node& n, const char* name) const {
  BoolValue b;
  b.text = Attr(n, name);
  if (b.text.empty()) return b;
  if (IsPlaceholder(b.text.value)) return b;  // a decision left open, listed by PG5101
  const std::string& v = b.text.value;
  if (v == "yes" || v == "true") b.value = true;
  else if (v == "no" || v == "false") b.value = false;
  else diags_.Report(DiagId::err_xml_bad_value, b.text.loc, {v, "'" + std::string(name) + "'", "'yes' or 'no'"});
  return b;
}

DurationValue ValueReader::DurationAttr(const pugi::xml_node& n, const char* name) const {
  DurationValue d;
  d.text = Attr(n, name);
  if (d.text.empty()) return d;
  if (IsPlaceholder(d.text.value)) return d;  // a decision left open, listed by PG5101
  std::string hint;
  d.value = ParseDuration(d.text.value, &hint);
  if (!d.value) diags_.Report(DiagId::err_bad_duration, d.text.loc, {d.text.value, hint});
  return d;
}

DateValue ValueReader::DateAttr(const pugi::xml_node& n, const char* name) const {
  DateValue d;
  d.text = Attr(n, name);
  if (d.text.empty()) return d;
  if (IsPlaceholder(d.text.value)) return d;  // a decision left open, listed by PG5101
  d.value = ParseDate(d.text.value);
  if (!d.value) {
    bool shaped = d.text.value.size() == 10 && d.text.value[4] == '-' && d.text.value[7] == '-';
    diags_.Report(DiagId::err_bad_date, d.text.loc,
                  {d.text.value, shaped ? "; that day does not exist" : "; write it as YYYY-MM-DD"});
  }
  return d;
}

ScheduleValue ValueReader::ScheduleAttr(const pugi::xml_node& n, const char* name) const {
  ScheduleValue s;
  s.text = Attr(n, name);
  if (s.text.empty()) return s;
  if (IsPlaceholder(s.text.value)) return s;  // a decision left open, listed by PG5101
  std::string why;
  s.value = ParseSchedule(s.text.value, &why);
  if (!s.value) diags_.Report(DiagId::err_bad_schedule, s.text.loc, {s.text.value, why});
  return s;
}

}  // namespace plangen
