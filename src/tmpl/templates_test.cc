#include <cctype>
#include <boost/test/unit_test.hpp>

#include "diag/printers.h"
#include "plan_fixture.h"
#include "test_paths.h"
#include "tmpl/data_moves.h"
#include "tmpl/templates.h"

using namespace plangen;

namespace {

std::string Findings(const DiagEngine& diags) {
  std::string out;
  for (const Diagnostic* d : diags.Sorted()) out += CodeString(d->id) + " " + d->message + "\n";
  return out;
}

// Passes its text on as it comes, upper-cased, counting the pieces.
class UpperFilter : public TextFilter {
 public:
  explicit UpperFilter(std::function<void(const std::string&)> out) : out_(std::move(out)) {}
  void Feed(const std::string& piece) override {
    std::string up = piece;
    for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out_(up);
  }
  void Finish() override { out_("|"); }

 private:
  std::function<void(const std::string&)> out_;
};

// A user's template folder holding `name` with `text`, and a set that reads it first.
struct UserTemplates {
  testing::TempDir dir;
  TemplateSet set;
  SourceManager sm;
  DiagEngine diags{sm};
  UserTemplates(const std::string& name, const std::string& text)
      : set((dir.Write(name, text), dir.path()), testing::SourceRoot() + "/templates") {}
};

std::string ViewName(const TemplateData& d) {
  const TemplateData* n = d.get("name");
  return n && n->is_string() ? n->string_value() : std::string();
}

TemplateData FilterData(int items) {
  TemplateData data;
  data.set("upper", FilterSection([](std::function<void(const std::string&)> out) { return std::make_unique<UpperFilter>(std::move(out)); }));
  TemplateData list{TemplateData::type::list};
  for (int i = 0; i < items; ++i) {
    TemplateData item;
    item.set("name", "item " + std::to_string(i) + " <x>");
    list.push_back(item);
  }
  data.set("items", list);
  data.set("yes", true);
  data.set("title", std::string("T&"));
  return data;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(templates)

// A list built with Append never copies an item, however far it grows: kainjow's std::vector of
// items would copy them all each time it outgrows its storage. Each item holds a lambda whose
// function object counts its copies.
BOOST_AUTO_TEST_CASE(append_moves_items_when_the_list_grows) {
  struct Counted {
    int* copies;
    explicit Counted(int* c) : copies(c) {}
    Counted(const Counted& o) : copies(o.copies) { ++*copies; }
    Counted(Counted&& o) noexcept : copies(o.copies) {}
    Counted& operator=(const Counted&) = default;
    std::string operator()(const std::string&) const { return "x"; }
  };
  int copies = 0;
  TemplateData list{TemplateData::type::list};
  for (int i = 0; i < 1000; ++i) {
    TemplateData item;
    TemplateData nested{TemplateData::type::list};
    Append(nested, TemplateData(kainjow::mustache::lambda(Counted(&copies))));
    Set(item, "nested", std::move(nested));
    copies = 0;  // what making the item cost is not the list's doing
    Append(list, std::move(item));
    BOOST_TEST(copies == 0, "item " << i);
  }
  BOOST_REQUIRE(list.list_value().size() == 1000u);
  for (const TemplateData& item : list.list_value()) {
    const TemplateData* nested = item.get("nested");
    BOOST_REQUIRE(nested);
    BOOST_TEST(nested->list_value().size() == 1u);
    BOOST_TEST(nested->list_value().front().is_lambda());
  }
}

BOOST_AUTO_TEST_CASE(user_folder_overrides_one_template_and_keeps_the_others) {
  UserTemplates t("runbook/runbook.md.mustache", "CUSTOM {{role_name}}\n");
  TemplateData data;
  data.set("role_name", std::string("Ops *team*"));
  std::string out;
  BOOST_TEST(t.set.Render("runbook/runbook.md.mustache", data, &out, t.diags, t.sm));
  BOOST_TEST(out == "CUSTOM Ops \\*team\\*\n");  // Markdown escaping follows the file's format
  // A template the folder does not override comes from plangen's own set.
  t.dir.Write("x.html.mustache", "<p>{{role_name}}</p>");
  BOOST_TEST(t.set.Render("x.html.mustache", data, &out, t.diags, t.sm));
  BOOST_TEST(out == "<p>Ops *team*</p>");
  BOOST_TEST(Findings(t.diags) == "");
}

BOOST_AUTO_TEST_CASE(missing_key_syntax_error_and_missing_template_are_findings) {
  testing::TempDir dir;
  dir.Write("a.md.mustache", "{{role_nmae}}");
  dir.Write("b.md.mustache", "{{#open}}never closed");
  TemplateSet set(dir.path(), testing::SourceRoot() + "/templates");
  SourceManager sm;
  DiagEngine diags(sm);
  TemplateData data;
  data.set("role_name", std::string("x"));
  std::string out;
  BOOST_TEST(!set.Render("a.md.mustache", data, &out, diags, sm));
  BOOST_TEST(!set.Render("b.md.mustache", data, &out, diags, sm));
  BOOST_TEST(!set.Render("none.md.mustache", data, &out, diags, sm));
  std::string f = Findings(diags);
  BOOST_TEST(f.find("PG3053 template uses 'role_nmae', which the data for this output does not have") != std::string::npos, f);
  BOOST_TEST(f.find("PG3052 template syntax error: Unclosed section \"open\" at 0") != std::string::npos, f);
  BOOST_TEST(f.find("PG3051 template 'none.md.mustache' was not found") != std::string::npos, f);
}

BOOST_AUTO_TEST_CASE(escapes_per_format) {
  BOOST_TEST(EscapeHtml("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;");
  BOOST_TEST(EscapeMarkdown("a|b](c)*d\ne") == "a\\|b\\](c)\\*d<br>e");
  BOOST_TEST(EscapeMarkdown("- item") == "\\- item");
}

BOOST_AUTO_TEST_CASE(xml_escaping_leaves_out_what_xml_forbids) {
  BOOST_TEST(EscapeXml("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  // Tab and line feed stay; other C0 controls, carriage returns, U+FFFE and U+FFFF go.
  BOOST_TEST(EscapeXml(std::string("x\ty\nz\r\x01\x0b\x1f") + "\xEF\xBF\xBE\xEF\xBF\xBFw") == "x\ty\nzw");
  // Other characters, U+FFFD and the rest of UTF-8, are kept.
  BOOST_TEST(EscapeXml("\xEF\xBF\xBD \xC3\xA9") == "\xEF\xBF\xBD \xC3\xA9");
}

BOOST_AUTO_TEST_CASE(a_filter_section_gives_the_same_text_streamed_as_rendered_whole) {
  // Sections that start a line stream; the others, and kainjow rendering the same template on its
  // own, render whole: every layout gives the same text both ways.
  const std::vector<std::string> layouts = {
      "<h1>{{title}}</h1>\n{{#upper}}\n{{#items}}<li>{{name}}</li>\n{{/items}}\n{{/upper}}\nend\n",
      "{{#upper}}a {{title}}{{/upper}} after\n",
      "{{#upper}}\n{{#items}}{{name}}\n{{/items}}{{/upper}}{{#yes}}{{/yes}}\nnext\n",
      "{{#upper}}   \n  {{/upper}}  \nx\n",
      "{{#upper}}{{/upper}}\n",
      "x {{#upper}}mid-line {{title}}{{/upper}} y\n",
      "{{#yes}}\n{{#upper}}\n{{#items}}{{name}} {{title}}\n{{/items}}\n{{/upper}}\n{{/yes}}\n",
      "{{#upper}}\nouter\n{{#upper}}\ninner {{title}}\n{{/upper}}\n{{/upper}}\n",
      "{{#items}}\n{{#upper}}\n{{name}}\n{{/upper}}\n{{/items}}\n",
  };
  for (const std::string& layout : layouts) {
    UserTemplates t("t.html.mustache", layout);
    const TemplateData data = FilterData(3);
    std::string streamed;
    BOOST_TEST(t.set.Render("t.html.mustache", data, &streamed, t.diags, t.sm));
    kainjow::mustache::mustache plain(layout);
    const std::string whole = plain.render(data);
    BOOST_TEST(streamed == whole, "layout [" << layout << "]");
    BOOST_TEST(Findings(t.diags) == "");
  }
}

BOOST_AUTO_TEST_CASE(a_filter_section_that_starts_a_line_is_never_held_whole) {
  UserTemplates t("t.html.mustache", "<h1>{{title}}</h1>\n{{#upper}}\n{{#items}}<li>{{name}}</li>\n{{/items}}\n{{/upper}}\nend\n");
  size_t largest = 0, total = 0;
  BOOST_TEST(t.set.RenderTo("t.html.mustache", FilterData(1000), [&](const std::string& piece) {
    largest = std::max(largest, piece.size());
    total += piece.size();
  }, t.diags, t.sm));
  BOOST_TEST(total > 20000u);
  BOOST_TEST(largest < 100u, "a piece of " << largest << " bytes");
  // A missing key inside the streamed section is still a finding.
  t.dir.Write("u.html.mustache", "{{#upper}}\n{{nothing}}\n{{/upper}}\n");
  std::string out;
  BOOST_TEST(!t.set.Render("u.html.mustache", FilterData(1), &out, t.diags, t.sm));
  BOOST_TEST(Findings(t.diags).find("nothing") != std::string::npos, Findings(t.diags));
}

BOOST_AUTO_TEST_CASE(a_lazy_list_renders_as_the_list_of_its_items) {
  // The same text as the list made whole, in every layout: contents, sections, inverted
  // sections, names of the parents, nested lists, keys added to the stand-ins.
  auto item = [](size_t i) {
    TemplateData d;
    d.set("name", "item " + std::to_string(i));
    d.set("anchor", "a" + std::to_string(i));
    d.set("even", i % 2 == 0);
    TemplateData steps{TemplateData::type::list};
    for (size_t k = 0; k <= i; ++k) steps.push_back(TemplateData("step " + std::to_string(k)));
    d.set("steps", steps);
    return d;
  };
  auto cheap = [](size_t i) {
    TemplateData d;
    d.set("anchor", "a" + std::to_string(i));
    return d;
  };
  const std::vector<std::string> layouts = {
      "{{#items}}<a href=\"#{{anchor}}\">x</a>\n{{/items}}",
      "<ul>\n{{#items}}\n<li>{{name}} of {{title}}{{#even}} (even){{/even}}{{^even}} (odd){{/even}}</li>\n{{#steps}}\n- {{.}}\n{{/steps}}\n{{/items}}\n</ul>\n",
      "{{^items}}none{{/items}}{{#items}}{{anchor}}:{{name}},{{/items}}\n",
      "{{#items}}{{#steps}}{{name}}/{{.}} {{/steps}}{{/items}}\n",
      "{{#items}}[{{extra}}]{{/items}}\n",
  };
  for (const std::string& layout : layouts) {
    for (size_t count : {0u, 1u, 4u}) {
      UserTemplates t("t.html.mustache", layout);
      TemplateData whole, lazy;
      TemplateData list{TemplateData::type::list};
      for (size_t i = 0; i < count; ++i) {
        TemplateData d = item(i);
        d.set("extra", "x" + std::to_string(i));
        list.push_back(d);
      }
      whole.set("items", list);
      TemplateData stand_ins = LazyList(count, cheap, item);
      // A key added to each stand-in after the list was made (as a Word runbook adds bookmarks).
      if (stand_ins.is_list()) {
        auto& items = const_cast<kainjow::mustache::list&>(stand_ins.list_value());
        for (size_t i = 0; i < items.size(); ++i) items[i].set("extra", "x" + std::to_string(i));
      }
      lazy.set("items", stand_ins);
      for (TemplateData* d : {&whole, &lazy}) d->set("title", std::string("T"));
      std::string want, got;
      BOOST_TEST(t.set.Render("t.html.mustache", whole, &want, t.diags, t.sm));
      BOOST_TEST(t.set.Render("t.html.mustache", lazy, &got, t.diags, t.sm));
      BOOST_TEST(got == want, "layout [" << layout << "], " << count << " items");
      BOOST_TEST(Findings(t.diags) == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(a_lazy_list_makes_an_item_only_when_read_and_holds_one_at_a_time) {
  std::vector<std::weak_ptr<int>> made;
  size_t most_alive = 0;
  auto make = [&](size_t i) {
    size_t alive = 0;
    for (const auto& w : made) alive += !w.expired();
    most_alive = std::max(most_alive, alive);
    auto token = std::make_shared<int>(static_cast<int>(i));
    made.push_back(token);
    TemplateData d;
    d.set("name", "item " + std::to_string(i));
    d.set("token", TemplateData(kainjow::mustache::lambda{[token](const std::string&) { return std::string(); }}));
    return d;
  };
  auto cheap = [](size_t i) {
    TemplateData d;
    d.set("anchor", "a" + std::to_string(i));
    return d;
  };
  UserTemplates t("t.html.mustache", "{{#items}}{{anchor}} {{/items}}\n{{#items}}\n{{name}}\n{{/items}}\n");
  TemplateData data;
  data.set("items", LazyList(50, cheap, make));
  std::string out;
  BOOST_TEST(t.set.Render("t.html.mustache", data, &out, t.diags, t.sm));
  BOOST_TEST(made.size() == 50u);  // the contents made none; the sections one each
  BOOST_TEST(most_alive == 0u);    // each dropped before the next was made
  BOOST_TEST(out.find("a49 \nitem 0\n") != std::string::npos, out);
  // Code reading the view gets the whole item.
  BOOST_TEST(ViewName(Materialize(data.get("items")->list_value()[3])) == "item 3");
}

BOOST_AUTO_TEST_SUITE_END()
