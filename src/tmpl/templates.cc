#include "tmpl/templates.h"

#include "tmpl/data_moves.h"
#include "util/input_file.h"

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace plangen {

namespace {
/// Largest template file read; templates are a few kilobytes.
constexpr uint64_t kMaxTemplateBytes = 4ull << 20;
}  // namespace

std::string EscapeHtml(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string EscapeXml(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // XML 1.0 allows no C0 control but tab and line feed (a carriage return would be read back
    // as a line feed), nor U+FFFE and U+FFFF (EF BF BE, EF BF BF): they are left out.
    if (c < 0x20 && c != '\t' && c != '\n') continue;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
      i += 2;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string EscapeMarkdown(const std::string& s) {
  static const std::string kSpecial = "\\`*_[]#!|~";
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') continue;
    if (c == '\n') {
      out += "<br>";
      continue;
    }
    if (c == '<') { out += "&lt;"; continue; }
    if (c == '>') { out += "&gt;"; continue; }
    if (c == '&') { out += "&amp;"; continue; }
    bool line_start = out.empty() || (out.size() >= 4 && out.compare(out.size() - 4, 4, "<br>") == 0);
    if (kSpecial.find(c) != std::string::npos || (line_start && (c == '-' || c == '+' || c == '='))) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string EscapeMarkdownCode(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\r') continue;
    out.push_back(c == '`' ? '\'' : c);
  }
  return out;
}

namespace {

// The text of every section of `text` whose opening tag {{#name}} starts a line, as the parser
// gives it to a lambda: from the end of its opening tag to the start of its closing tag. None when
// the template sets other delimiters.
std::set<std::string> LineSections(const std::string& text) {
  std::set<std::string> out;
  if (text.find("{{=") != std::string::npos) return out;
  struct Open {
    std::string name;
    size_t text_start;
    bool line_start;
  };
  std::vector<Open> open;
  for (size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2)) {
    const char kind = at + 2 < text.size() ? text[at + 2] : '\0';
    if (kind != '#' && kind != '^' && kind != '/') continue;
    const size_t close = text.find("}}", at + 3);
    if (close == std::string::npos) break;
    std::string name = text.substr(at + 3, close - at - 3);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (kind != '/') {
      open.push_back({name, close + 2, at == 0 || text[at - 1] == '\n'});
    } else if (!open.empty() && open.back().name == name) {
      if (open.back().line_start) out.insert(text.substr(open.back().text_start, at - open.back().text_start));
      open.pop_back();
    } else {
      return {};  // not a template the parser accepts: nothing streams
    }
    at = close;
  }
  return out;
}

}  // namespace

const TemplateSet::File& TemplateSet::Read(const std::string& rel) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = files_.find(rel);
  if (it != files_.end()) return it->second;
  File f;
  f.found = ReadFromDisk(rel, &f.text, &f.shown);
  if (f.found) f.line_sections = LineSections(f.text);
  return files_.emplace(rel, std::move(f)).first->second;
}

bool TemplateSet::ReadFromDisk(const std::string& rel, std::string* text, std::string* shown) const {
  for (const std::string& dir : {user_dir_, default_dir_}) {
    if (dir.empty()) continue;
    fs::path p = fs::path(dir) / rel;
    std::error_code ec;
    if (!fs::exists(p, ec)) continue;
    // A FIFO or a device under a template's name is refused, not read (or waited on) forever.
    InputFileError err;
    if (!ReadInputFile(p.string(), kMaxTemplateBytes, text, &err)) continue;
    *shown = dir == default_dir_ ? "templates/" + rel : p.string();
    return true;
  }
  return false;
}

namespace {

// What a LazyList stand-in holds, under kLazyKey, as the target of a lambda (the one data type
// that can hold a function of ours): how to make its item.
constexpr const char* kLazyKey = "\x01lazy";
struct LazyItem {
  std::shared_ptr<const std::function<TemplateData(size_t)>> make;
  size_t index;
  std::string operator()(const std::string&) const { return std::string(); }
};

const LazyItem* LazyOf(const kainjow::mustache::data* d) {
  if (!d || !d->is_object()) return nullptr;
  const kainjow::mustache::data* l = d->get(kLazyKey);
  return l && l->is_lambda() ? l->lambda_value().target<LazyItem>() : nullptr;
}

// The item a stand-in stands for, as `make` makes it.
TemplateData Made(const LazyItem& lazy) { return (*lazy.make)(lazy.index); }

// A context that reads partials from files and records every key the template asks for that the
// data does not have. Names under an inverted section may legitimately be absent. A LazyList
// stand-in on the stack is looked up in its own keys first, then in its whole item, made on the
// first such lookup and dropped when the stand-in is popped.
class StrictContext : public kainjow::mustache::basic_context<std::string> {
 public:
  StrictContext(const kainjow::mustache::data* d, std::function<bool(const std::string&, std::string*)> read_partial)
      : read_partial_(std::move(read_partial)) {
    push(d);
  }
  void push(const kainjow::mustache::data* d) override { stack_.push_back(Entry{d, LazyOf(d), nullptr}); }
  void pop() override { stack_.pop_back(); }
  const kainjow::mustache::data* get(const std::string& name) const override {
    const kainjow::mustache::data* d = Find(name);
    if (!d) missing_.insert(name);
    return d;
  }
  const kainjow::mustache::data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    if (it != partials_.end()) return &it->second;
    std::string text;
    if (!read_partial_(name, &text)) {
      missing_partials_.insert(name);
      return nullptr;
    }
    return &partials_.emplace(name, kainjow::mustache::data(text)).first->second;
  }
  mutable std::set<std::string> missing_;
  mutable std::set<std::string> missing_partials_;

 private:
  struct Entry {
    const kainjow::mustache::data* data;
    const LazyItem* lazy;
    mutable std::unique_ptr<kainjow::mustache::data> whole;
  };

  // The whole item of a stand-in, made on first use; any other entry's data.
  static const kainjow::mustache::data* Whole(const Entry& e) {
    if (!e.lazy) return e.data;
    if (!e.whole) e.whole = std::make_unique<kainjow::mustache::data>(Made(*e.lazy));
    return e.whole.get();
  }

  // `name` in one entry: the data's own key, else the whole item's of a stand-in. ("." is the
  // whole item, without keys added to the stand-in.)
  static const kainjow::mustache::data* In(const Entry& e, const std::string& name) {
    if (const kainjow::mustache::data* v = e.data->get(name)) return v;
    return e.lazy ? Whole(e)->get(name) : nullptr;
  }

  // As kainjow's context looks names up, from the top of the stack down.
  const kainjow::mustache::data* Find(const std::string& name) const {
    if (stack_.empty()) return nullptr;
    if (name == ".") return Whole(stack_.back());
    // Most names have no dot: looked up as they are, without splitting (every key of every render).
    if (name.find('.') == std::string::npos) {
      for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
        if (const kainjow::mustache::data* v = In(*it, name)) return v;
      }
      return nullptr;
    }
    std::vector<std::string> names;
    for (size_t from = 0;;) {
      const size_t dot = name.find('.', from);
      names.push_back(name.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
      if (dot == std::string::npos) break;
      from = dot + 1;
    }
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      const kainjow::mustache::data* v = In(*it, names[0]);
      for (size_t i = 1; v && i < names.size(); ++i) v = v->get(names[i]);
      if (v) return v;
    }
    return nullptr;
  }

  std::vector<Entry> stack_;
  std::function<bool(const std::string&, std::string*)> read_partial_;
  mutable std::map<std::string, kainjow::mustache::data> partials_;
};

// Goes to a TextSink piece by piece, as kainjow writes to a stream.
struct Sink {
  const std::function<void(const std::string&)>* write;
  Sink& operator<<(const std::string& s) {
    (*write)(s);
    return *this;
  }
};

// The rendering TemplateSet::RenderTo is doing on this thread, for the filter sections inside it.
struct ActiveRender {
  StrictContext* ctx;
  const TemplateSet::TextSink* write;
  const std::set<std::string>* line_sections;
  std::function<std::string(const std::string&)> escape;  // empty: HTML's, kainjow's own
  bool streaming = false;                                  // a filter section is streaming now
  std::string error;
};
thread_local ActiveRender* active_render = nullptr;

}  // namespace

TemplateData LazyList(size_t count, std::function<TemplateData(size_t)> cheap,
                      std::function<TemplateData(size_t)> make) {
  TemplateData list{TemplateData::type::list};
  auto shared = std::make_shared<const std::function<TemplateData(size_t)>>(std::move(make));
  for (size_t i = 0; i < count; ++i) {
    TemplateData item = cheap(i);
    item.set(kLazyKey, TemplateData(kainjow::mustache::lambda{LazyItem{shared, i}}));
    Append(list, std::move(item));
  }
  return list;
}

TemplateData Materialize(const TemplateData& item) {
  const LazyItem* lazy = LazyOf(&item);
  return lazy ? Made(*lazy) : item;
}

TemplateData FilterSection(TextFilterFactory make) {
  return TemplateData(kainjow::mustache::lambda2{[make](const std::string& text, const kainjow::mustache::renderer& render) {
    ActiveRender* a = active_render;
    if (!a || a->streaming || !a->line_sections->count(text)) {
      std::string whole;
      std::unique_ptr<TextFilter> f = make([&whole](const std::string& piece) { whole += piece; });
      f->Feed(render(text));
      f->Finish();
      return whole;
    }
    // Nothing of the template's line is waiting in the renderer (the tag starts it), so the text
    // can go to the output before the renderer gets its result back. The result is the text from
    // its last character that is not a space on: what follows the closing tag on its line is
    // then kept or dropped as if the whole text had come back.
    std::string held;
    std::function<void(const std::string&)> tail = [&held, a](const std::string& piece) {
      const size_t last = piece.find_last_not_of(" \t");
      if (last == std::string::npos) {
        held += piece;
        return;
      }
      held.append(piece, 0, last);
      (*a->write)(held);
      held.assign(piece, last, std::string::npos);
    };
    std::unique_ptr<TextFilter> f = make(tail);
    std::function<void(const std::string&)> feed = [&f](const std::string& piece) { f->Feed(piece); };
    kainjow::mustache::mustache inner(text);
    if (a->escape) inner.set_custom_escape(a->escape);
    a->streaming = true;
    Sink sink{&feed};
    inner.render(*a->ctx, sink);
    a->streaming = false;
    if (!inner.is_valid() && a->error.empty()) a->error = inner.error_message();
    f->Finish();
    return held;
  }});
}

// The escape of a template's format: Markdown's, XML's for the parts of a Word document, none for
// anything else but HTML, whose escape (kainjow's own) is the empty function.
static std::function<std::string(const std::string&)> EscapeOf(const std::string& name) {
  auto ends_with = [&](const char* suffix) {
    std::string s = suffix;
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  if (ends_with(".md.mustache")) return EscapeMarkdown;
  if (name.compare(0, 5, "docx/") == 0) return EscapeXml;
  if (!ends_with(".html.mustache")) return [](const std::string& s) { return s; };
  return {};
}

bool TemplateSet::Render(const std::string& name, const TemplateData& data, std::string* out, DiagEngine& diags,
                         SourceManager& sm) {
  std::string rendered;
  const bool ok = RenderTo(name, data, [&rendered](const std::string& s) { rendered.append(s); }, diags, sm);
  *out = std::move(rendered);
  return ok;
}

bool TemplateSet::RenderTo(const std::string& name, const TemplateData& data, const TextSink& write, DiagEngine& diags,
                           SourceManager& sm) {
  const File& source = Read(name);
  if (!source.found) {
    int32_t f = sm.AddFile("templates/" + name, "", false);
    diags.Report(DiagId::err_template_missing, Loc::At(f, 0),
                 {name, user_dir_.empty() ? "templates/" : "'" + user_dir_ + "' or templates/"});
    return false;
  }
  const std::string& text = source.text;
  // Registered only to point at a problem: a build renders thousands of files from a few templates.
  int32_t registered = -1;
  auto file = [&] {
    if (registered < 0) registered = sm.AddFile(source.shown, text);
    return registered;
  };
  // This thread's parsed copy of the template, taken out while it renders (a render inside this
  // one finds none and parses its own), or parsed now.
  std::unique_ptr<kainjow::mustache::mustache> tmpl;
  const std::function<std::string(const std::string&)> escape = EscapeOf(name);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = parsed_.find({std::this_thread::get_id(), name});
    if (it != parsed_.end()) tmpl = std::move(it->second);
  }
  if (!tmpl) {
    tmpl = std::make_unique<kainjow::mustache::mustache>(text);
    if (!tmpl->is_valid()) {
      diags.Report(DiagId::err_template_syntax, Loc::At(file(), 0), {tmpl->error_message()});
      return false;
    }
    if (escape) tmpl->set_custom_escape(escape);
  }
  std::string partial_dir = "partials/";
  StrictContext ctx(&data, [&](const std::string& pname, std::string* ptext) {
    const File& partial = Read(partial_dir + pname + ".mustache");
    if (partial.found) *ptext = partial.text;
    return partial.found;
  });
  // Each piece goes straight to `write`: an ostringstream would hold the whole text, twice (its
  // buffer and str()), and a runbook of 10,000 backups is tens of megabytes.
  Sink sink{&write};
  ActiveRender active{&ctx, &write, &source.line_sections, escape, false, {}};
  ActiveRender* outer = active_render;
  active_render = &active;
  tmpl->render(ctx, sink);
  active_render = outer;
  if (!tmpl->is_valid() || !active.error.empty()) {
    diags.Report(DiagId::err_template_syntax, Loc::At(file(), 0), {tmpl->is_valid() ? active.error : tmpl->error_message()});
    return false;  // not kept: it holds the error now
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::unique_ptr<kainjow::mustache::mustache>& kept = parsed_[{std::this_thread::get_id(), name}];
    if (!kept) kept = std::move(tmpl);
  }
  bool ok = true;
  for (const auto& p : ctx.missing_partials_) {
    diags.Report(DiagId::err_template_missing, Loc::At(file(), 0), {partial_dir + p + ".mustache", "the template folders"});
    ok = false;
  }
  for (const auto& key : ctx.missing_) {
    size_t pos = text.find(key);
    diags.Report(DiagId::err_template_missing_key, Loc::At(file(), pos == std::string::npos ? 0 : static_cast<uint32_t>(pos)), {key});
    ok = false;
  }
  return ok;
}

}  // namespace plangen
