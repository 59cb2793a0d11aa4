// Fuzz target: a user's Mustache template (a --templates override) rendered with the strict
// context, for each escaping (Markdown, HTML, none).
#include <sys/stat.h>

#include "fuzz_support.h"
#include "tmpl/templates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace plangen;
  static const std::string dir = fuzz::ScratchDir() + "/templates";
  static const bool made = mkdir(dir.c_str(), 0700) == 0;
  (void)made;
  TemplateData d;
  d.set("title", "A <b>title</b> | *x*");
  TemplateData list = TemplateData::type::list;
  for (int i = 0; i < 3; ++i) {
    TemplateData item;
    item.set("name", "item " + std::to_string(i));
    item.set("flag", i % 2 == 0);
    list.push_back(item);
  }
  d.set("items", list);
  for (const char* name : {"t.md.mustache", "t.html.mustache", "t.txt.mustache"}) {
    fuzz::WriteInput(std::string("templates/") + name, data, size);
    SourceManager sm;
    DiagEngine diags(sm);
    TemplateSet set(dir, dir);
    std::string out;
    set.Render(name, d, &out, diags, sm);
  }
  return 0;
}
