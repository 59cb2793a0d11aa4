// The Word runbooks (.docx): every part well-formed, typed and linked; every step and command of
// the runbook in it; no empty command or check; numbering restarting for each procedure; the page
// and its footer; the same bytes on every build; and LibreOffice opening each one.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <tuple>

#include <pugixml.hpp>
#include <zip.h>

#include "driver/compile.h"
#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "emit/runbook_view.h"
#include "outside_program.h"
#include "pdf_text.h"
#include "temp_tree.h"
#include "test_paths.h"
#include "view_reader.h"

namespace plangen {
bool EmitAllRunbooks(const EmitContext& ctx, OutputSet& out);
bool EmitChecklists(const EmitContext& ctx, OutputSet& out);
}  // namespace plangen

using namespace plangen;
namespace fs = std::filesystem;
using plangen::testing::HaveOutsideProgram;
using kainjow::mustache::data;
using testing::ViewList;
using testing::ViewString;

namespace {

using plangen::testing::ReadAll;
using plangen::testing::TempDir;

// The sample compiled, and its runbooks and checklists (or every output, with `all`) emitted.
struct Built {
  Compilation c;
  std::unique_ptr<TemplateSet> templates;
  std::unique_ptr<EmitContext> ctx;
  OutputSet out;
  bool ok = false;
  Built(Paper paper, bool all, unsigned jobs = 1, const std::function<void(Plan&)>& mutate = nullptr) {
    CompileOptions o;
    o.plan_path = "samples/contoso/plan.xml";
    o.as_of = *ParseDate("2026-12-01");
    char cwd[4096];
    bool moved = getcwd(cwd, sizeof cwd) != nullptr && chdir(testing::SourceRoot().c_str()) == 0;
    Compile(o, c);
    if (moved && chdir(cwd) != 0) return;
    if (mutate) {
      mutate(c.plan);
      c.plan.ForgetIndexes();
    }
    templates = std::make_unique<TemplateSet>("", testing::SourceRoot() + "/templates");
    ctx = std::make_unique<EmitContext>(EmitContext{c.plan, c.profile, o.as_of, false, *templates, c.diags, c.sources});
    ctx->paper = paper;
    ctx->jobs = jobs;
    ok = all ? RunEmitters(*ctx, out) : EmitAllRunbooks(*ctx, out) && EmitChecklists(*ctx, out);
  }
  std::map<std::string, std::string> Docx() const {
    std::map<std::string, std::string> d;
    for (const auto& [path, bytes] : out.files())
      if (path.size() > 5 && path.compare(path.size() - 5, 5, ".docx") == 0) d[path] = bytes;
    return d;
  }
};

const Built& A4() {
  static Built b(Paper::kA4, false);
  return b;
}

std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
  if (!z) return parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0) continue;
    zip_file_t* f = zip_fopen_index(z, i, 0);
    std::string d(st.size, '\0');
    if (f) {
      zip_fread(f, d.data(), st.size);
      zip_fclose(f);
    }
    parts[st.name] = d;
  }
  zip_close(z);
  return parts;
}

// A paragraph's text: its runs' text, line breaks as '\n'.
std::string ParagraphText(const pugi::xml_node& p) {
  std::string s;
  for (const pugi::xpath_node& x : p.select_nodes(".//w:t | .//w:br | .//w:tab")) {
    std::string name = x.node().name();
    if (name == "w:t") s += x.node().text().get();
    if (name == "w:br") s += "\n";
    if (name == "w:tab") s += "\t";
  }
  return s;
}

std::string Style(const pugi::xml_node& p) { return p.child("w:pPr").child("w:pStyle").attribute("w:val").value(); }

// Every paragraph of the document's body, tables' included, in order.
std::vector<pugi::xml_node> Paragraphs(const pugi::xml_document& doc) {
  std::vector<pugi::xml_node> out;
  for (const pugi::xpath_node& x : doc.select_nodes("/w:document/w:body//w:p")) out.push_back(x.node());
  return out;
}

const data* Get(const data& d, const char* key) { return d.get(key); }
// What the runbook of `role_id` must show: its scenarios' step titles, and its procedures'
// and backups' steps with their commands and checks.
struct Expected {
  std::vector<std::string> titles, texts, commands, checks;
  size_t lists = 0;
};
Expected ExpectedOf(const Built& b, const std::string& role_id) {
  Expected e;
  const Role* role = b.c.plan.FindRole(role_id);
  BOOST_REQUIRE(role);
  data view = RunbookView(*b.ctx, *role, false);
  auto step = [&](const data& st, const char* text_key) {
    e.texts.push_back(ViewString(st, text_key));
    if (!ViewString(st, "command").empty()) e.commands.push_back(ViewString(st, "command"));
    if (!ViewString(st, "verify").empty()) e.checks.push_back(ViewString(st, "verify"));
  };
  for (const data& s : ViewList(view, "scenarios")) {
    for (const data& st : ViewList(s, "steps")) e.titles.push_back(ViewString(st, "title"));
    if (Get(s, "has_procedure")->is_true())
      for (const data& run : ViewList(s, "procedure_runs")) {
        ++e.lists;
        for (const data& st : ViewList(run, "steps")) step(st, "text");
      }
  }
  for (const data& stand_in : ViewList(view, "backups")) {
    const data bk = Materialize(stand_in);
    ++e.lists;
    for (const data& st : ViewList(bk, "steps")) step(st, "text");
  }
  return e;
}

std::string NoSpace(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(c);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx)

BOOST_AUTO_TEST_CASE(every_part_is_well_formed_typed_and_linked) {
  const Built& b = A4();
  BOOST_REQUIRE(b.ok);
  auto docs = b.Docx();
  BOOST_TEST(docs.size() == RolesWithDuties(b.c.plan).size() + 1, "one .docx per runbook, and the checklist's");
  BOOST_TEST(docs.count("checklists/validation.docx"));
  for (const auto& [path, bytes] : docs) {
    BOOST_TEST_CONTEXT(path) {
      auto parts = Unzip(bytes);
      BOOST_TEST(parts.size() >= 8u);
      std::map<std::string, pugi::xml_document> xml;
      for (const auto& [name, text] : parts) {
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".png") == 0) {
          BOOST_TEST(text.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0, name << " is a PNG");
          continue;
        }
        pugi::xml_parse_result r = xml[name].load_string(text.c_str());
        BOOST_TEST(bool(r), name << ": " << r.description() << " at " << r.offset);
      }
      // [Content_Types].xml gives every part a type, and the main parts their own.
      std::set<std::string> defaults, overrides;
      for (pugi::xml_node n : xml["[Content_Types].xml"].child("Types").children("Default"))
        defaults.insert(n.attribute("Extension").value());
      for (pugi::xml_node n : xml["[Content_Types].xml"].child("Types").children("Override"))
        overrides.insert(n.attribute("PartName").value());
      for (const auto& [name, text] : parts) {
        if (name == "[Content_Types].xml") continue;
        std::string ext = name.substr(name.rfind('.') + 1);
        BOOST_TEST((overrides.count("/" + name) || defaults.count(ext)), name << " has a content type");
      }
      for (const std::string& o : overrides) BOOST_TEST(parts.count(o.substr(1)), o << " exists");
      for (const char* main : {"/word/document.xml", "/word/styles.xml", "/word/numbering.xml", "/word/footer1.xml"})
        BOOST_TEST(overrides.count(main), main);
      // Every relationship's target exists; every r:id and r:embed of the document is a relationship.
      std::set<std::string> doc_ids;
      for (const auto& [name, text] : parts) {
        if (name.size() < 5 || name.compare(name.size() - 5, 5, ".rels") != 0) continue;
        std::string folder = name.substr(0, name.find("_rels/"));
        for (pugi::xml_node rel : xml[name].child("Relationships").children("Relationship")) {
          BOOST_TEST(parts.count(folder + rel.attribute("Target").value()), name << " -> " << rel.attribute("Target").value());
          if (name == "word/_rels/document.xml.rels") doc_ids.insert(rel.attribute("Id").value());
        }
      }
      BOOST_TEST(parts.count("_rels/.rels"));
      BOOST_TEST(!doc_ids.empty());
      for (const pugi::xpath_node& x : xml["word/document.xml"].select_nodes("//@r:id | //@r:embed"))
        BOOST_TEST(doc_ids.count(x.attribute().value()), "relationship " << x.attribute().value());
      // The contents' links lead to bookmarks of the document.
      std::set<std::string> marks;
      for (const pugi::xpath_node& x : xml["word/document.xml"].select_nodes("//w:bookmarkStart"))
        BOOST_TEST(marks.insert(x.node().attribute("w:name").value()).second, "bookmark named once");
      for (const pugi::xpath_node& x : xml["word/document.xml"].select_nodes("//w:hyperlink"))
        BOOST_TEST(marks.count(x.node().attribute("w:anchor").value()), x.node().attribute("w:anchor").value());
    }
  }
}

BOOST_AUTO_TEST_CASE(lync_ops_has_every_step_title_command_and_check) {
  const Built& b = A4();
  BOOST_REQUIRE(b.ok);
  Expected e = ExpectedOf(b, "lync-ops");
  BOOST_TEST(e.titles.size() > 20u);
  BOOST_TEST(e.commands.size() > 20u);
  BOOST_TEST(e.checks.size() > 5u);
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(Unzip(b.Docx().at("runbooks/lync-ops.docx"))["word/document.xml"].c_str()));
  std::multiset<std::string> commands, checks, numbered;
  std::string all;
  for (const pugi::xml_node& p : Paragraphs(doc)) {
    std::string text = ParagraphText(p);
    all += text + "\n";
    if (Style(p) == "Command") commands.insert(text);
    if (Style(p) == "Check") checks.insert(text);
    if (Style(p) == "ListNumber") numbered.insert(text);
  }
  for (const std::string& t : e.titles) BOOST_TEST(all.find(t) != std::string::npos, "step title '" << t << "'");
  for (const std::string& t : e.texts) {
    bool found = false;
    for (const std::string& n : numbered) found = found || n.compare(0, t.size(), t) == 0;
    BOOST_TEST(found, "numbered step '" << t << "'");
  }
  // Each command once per step that has it, in a paragraph of its own, its lines kept.
  BOOST_TEST(commands.size() == e.commands.size());
  for (const std::string& c : e.commands) BOOST_TEST(commands.count(c) >= 1u, "command '" << c << "'");
  BOOST_TEST(checks.size() == e.checks.size());
  for (const std::string& c : e.checks) BOOST_TEST(checks.count("Check: " + c) >= 1u, "check '" << c << "'");
}

BOOST_AUTO_TEST_CASE(no_empty_paragraph_command_or_check) {
  const Built& b = A4();
  BOOST_REQUIRE(b.ok);
  for (const auto& [path, bytes] : b.Docx()) {
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(Unzip(bytes)["word/document.xml"].c_str()));
    int commands = 0;
    for (const pugi::xml_node& p : Paragraphs(doc)) {
      std::string text = ParagraphText(p);
      // Only a table cell with nothing to say (a step after none) may hold an empty paragraph,
      // as a cell must hold one.
      bool picture = p.select_node(".//w:drawing");
      bool lone_in_cell = std::string(p.parent().name()) == "w:tc" && !p.next_sibling("w:p") && !p.previous_sibling("w:p");
      BOOST_TEST((picture || lone_in_cell || !NoSpace(text).empty()), path << ": an empty paragraph of style '" << Style(p) << "'");
      if (Style(p) == "Check") BOOST_TEST(NoSpace(text).size() > 6u, path << ": a check without text");
      commands += Style(p) == "Command";
    }
    if (path.rfind("runbooks/", 0) == 0)
      BOOST_TEST(commands == static_cast<int>(ExpectedOf(b, path.substr(9, path.size() - 14)).commands.size()), path);
  }
}

BOOST_AUTO_TEST_CASE(numbering_restarts_for_each_procedure) {
  const Built& b = A4();
  BOOST_REQUIRE(b.ok);
  auto parts = Unzip(b.Docx().at("runbooks/lync-ops.docx"));
  pugi::xml_document doc, numbering;
  BOOST_REQUIRE(doc.load_string(parts["word/document.xml"].c_str()));
  BOOST_REQUIRE(numbering.load_string(parts["word/numbering.xml"].c_str()));
  std::map<std::string, int> starts;  // numId -> its start override
  for (const pugi::xpath_node& x : numbering.select_nodes("/w:numbering/w:num")) {
    pugi::xml_node n = x.node();
    std::string abstract = n.child("w:abstractNumId").attribute("w:val").value();
    if (abstract != "1") continue;
    starts[n.attribute("w:numId").value()] = n.child("w:lvlOverride").child("w:startOverride").attribute("w:val").as_int();
  }
  // Each numbered list belongs to one scenario or backup (the Heading2 above it), and starts at 1.
  std::map<std::string, std::string> section_of;
  std::string section;
  for (const pugi::xml_node& p : Paragraphs(doc)) {
    if (Style(p) == "Heading2") section = ParagraphText(p);
    if (Style(p) != "ListNumber") continue;
    std::string id = p.child("w:pPr").child("w:numPr").child("w:numId").attribute("w:val").value();
    BOOST_TEST(starts.count(id), "numId " << id << " is a numbered list of numbering.xml");
    BOOST_TEST(starts[id] == 1);
    auto [it, fresh] = section_of.emplace(id, section);
    BOOST_TEST(it->second == section, "list " << id << " runs on from '" << it->second << "' into '" << section << "'");
  }
  BOOST_TEST(section_of.size() == ExpectedOf(b, "lync-ops").lists);
  BOOST_TEST(starts.size() == section_of.size());
}

BOOST_AUTO_TEST_CASE(footer_and_page_size_follow_paper) {
  const Built& a4 = A4();
  Built letter(Paper::kLetter, false);
  BOOST_REQUIRE(a4.ok);
  BOOST_REQUIRE(letter.ok);
  for (const auto& [built, w, h] : {std::tuple{&a4, 11906, 16838}, std::tuple{static_cast<const Built*>(&letter), 12240, 15840}}) {
    auto parts = Unzip(built->Docx().at("runbooks/lync-ops.docx"));
    pugi::xml_document doc, footer;
    BOOST_REQUIRE(doc.load_string(parts["word/document.xml"].c_str()));
    BOOST_REQUIRE(footer.load_string(parts["word/footer1.xml"].c_str()));
    pugi::xml_node size = doc.select_node("/w:document/w:body/w:sectPr/w:pgSz").node();
    BOOST_TEST(size.attribute("w:w").as_int() == w);
    BOOST_TEST(size.attribute("w:h").as_int() == h);
    BOOST_TEST(doc.select_node("/w:document/w:body/w:sectPr/w:footerReference[@w:type='default']"));
    std::set<std::string> fields;
    for (const pugi::xpath_node& x : footer.select_nodes("//w:fldSimple")) fields.insert(NoSpace(x.node().attribute("w:instr").value()));
    BOOST_TEST(fields.count("PAGE"));
    BOOST_TEST(fields.count("NUMPAGES"));
    std::string text = ParagraphText(footer.select_node("//w:p").node());
    BOOST_TEST(text.find("Contoso Lync Server 2013 backup and restoration plan, version 4") != std::string::npos, text);
    BOOST_TEST(text.find("Runbook: Lync Operations") != std::string::npos, text);
    BOOST_TEST(text.find("Page 1 of 1") != std::string::npos, text);
  }
  BOOST_TEST((a4.Docx().at("runbooks/lync-ops.docx") != letter.Docx().at("runbooks/lync-ops.docx")));
}

BOOST_AUTO_TEST_CASE(byte_identical_across_builds_and_jobs) {
  Built one(Paper::kA4, true, 1), two(Paper::kA4, true, 2);
  BOOST_REQUIRE(one.ok);
  BOOST_REQUIRE(two.ok);
  auto a = one.Docx(), b = two.Docx();
  BOOST_TEST(a.size() == RolesWithDuties(one.c.plan).size() + 1);
  BOOST_TEST(a.size() >= 8u);
  BOOST_TEST(a.size() == b.size());
  for (const auto& [path, bytes] : a) BOOST_TEST((b.count(path) && b.at(path) == bytes), path << " differs");
  // And the same as the runbooks emitted alone.
  for (const auto& [path, bytes] : A4().Docx()) BOOST_TEST((a.count(path) && a.at(path) == bytes), path);
}

// Two scenarios whose timelines draw the same (they differ in names only, which the pictures'
// titles hold) share one PNG part; each keeps its own picture, relationship and SVG.
BOOST_AUTO_TEST_CASE(pictures_that_draw_the_same_share_one_png_part) {
  auto pngs_and_pictures = [](const std::string& docx) {
    size_t pngs = 0, svgs = 0;
    for (const auto& [name, bytes] : Unzip(docx)) {
      if (name.compare(0, 11, "word/media/") != 0) continue;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".png") == 0) ++pngs;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".svg") == 0) ++svgs;
    }
    return std::make_pair(pngs, svgs);
  };
  const auto [pngs, svgs] = pngs_and_pictures(A4().Docx().at("runbooks/lync-ops.docx"));
  BOOST_TEST(svgs > 1u);
  Built b(Paper::kA4, false, 1, [](Plan& plan) {
    for (size_t i = 0, n = plan.scenarios.size(); i < n; ++i) {
      bool ops = false;
      for (const ScenarioStep& st : plan.scenarios[i].steps) ops = ops || st.role.value == "lync-ops";
      if (!ops) continue;
      Scenario again = plan.scenarios[i];
      again.id.value += "-again";
      again.title.value += " (again)";
      plan.scenarios.push_back(std::move(again));
      return;
    }
  });
  BOOST_REQUIRE(b.ok);
  const std::string docx = b.Docx().at("runbooks/lync-ops.docx");
  const auto [pngs_then, svgs_then] = pngs_and_pictures(docx);
  BOOST_TEST(svgs_then == svgs + 1);
  BOOST_TEST(pngs_then == pngs);
  // Both pictures' relationships name the one part.
  auto parts = Unzip(docx);
  pugi::xml_document rels;
  BOOST_REQUIRE(rels.load_string(parts["word/_rels/document.xml.rels"].c_str()));
  std::map<std::string, int> png_targets;
  for (pugi::xml_node rel : rels.child("Relationships").children("Relationship")) {
    const std::string target = rel.attribute("Target").value();
    if (target.size() > 4 && target.compare(target.size() - 4, 4, ".png") == 0) ++png_targets[target];
  }
  BOOST_TEST(png_targets.size() == pngs);
  int shared = 0;
  for (const auto& [target, uses] : png_targets) shared += uses > 1 ? 1 : 0;
  BOOST_TEST(shared >= 1);
}

BOOST_AUTO_TEST_CASE(text_is_escaped_and_characters_xml_forbids_left_out) {
  Built b(Paper::kA4, false, 1, [](Plan& plan) {
    for (Scenario& s : plan.scenarios)
      for (ScenarioStep& st : s.steps)
        if (st.role.value == "lync-ops") st.title.value = "Restore <sql01> & \"check\" 'it'\x01\x0b\r now ]]>";
  });
  BOOST_REQUIRE(b.ok);
  // The timeline's SVG, which carries the titles too, stays an XML document librsvg reads.
  auto parts = Unzip(b.Docx().at("runbooks/lync-ops.docx"));
  pugi::xml_document svg;
  BOOST_TEST(svg.load_string(parts["word/media/image1.svg"].c_str()));
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_string(parts["word/document.xml"].c_str());
  BOOST_REQUIRE_MESSAGE(r, r.description());
  std::string all;
  for (const pugi::xml_node& p : Paragraphs(doc)) all += ParagraphText(p) + "\n";
  BOOST_TEST(all.find("Restore <sql01> & \"check\" 'it' now ]]>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(libreoffice_opens_every_runbook_and_shows_every_step) {
  const Built& b = A4();
  BOOST_REQUIRE(b.ok);
  if (!HaveOutsideProgram("LibreOffice (soffice)", "command -v soffice") ||
      !HaveOutsideProgram("pdftotext (poppler-utils)", "command -v pdftotext"))
    return;
  const TempDir tmp("plangen-docx-test");
  const fs::path dir = tmp.path;
  std::string cmd = "cd '" + dir.string() + "' && HOME='" + dir.string() +
                    "/home' timeout 600 soffice --headless --convert-to pdf --outdir '" + dir.string() + "/pdf'";
  for (const auto& [path, bytes] : b.Docx()) {
    std::string name = fs::path(path).filename().string();
    std::ofstream(dir / name, std::ios::binary) << bytes;
    cmd += " '" + name + "'";
  }
  BOOST_REQUIRE_MESSAGE(std::system((cmd + " >/dev/null 2>&1").c_str()) == 0, cmd);
  for (const auto& [path, bytes] : b.Docx()) {
    std::string stem = fs::path(path).stem().string();
    fs::path pdf = dir / "pdf" / (stem + ".pdf");
    BOOST_TEST_CONTEXT(path) {
      BOOST_REQUIRE(fs::exists(pdf));
      std::string text = NoSpace(testing::PdfText(pdf.string(), /*raw=*/true));
      const int pages = testing::PdfPages(testing::PdfInfo(pdf.string()));
      BOOST_TEST_MESSAGE(path << ": " << bytes.size() << " bytes, " << pages << " pages in LibreOffice");
      if (path == "checklists/validation.docx") {
        BOOST_TEST(text.find("Validationchecklist") != std::string::npos);
        for (const ValidationCheck& c : b.c.plan.checks) BOOST_TEST(text.find(NoSpace(c.title.value)) != std::string::npos, "check '" << c.title.value << "'");
        continue;
      }
      Expected e = ExpectedOf(b, stem);
      BOOST_TEST(text.find(NoSpace("Runbook:")) != std::string::npos);
      for (const std::string& t : e.titles) BOOST_TEST(text.find(NoSpace(t)) != std::string::npos, "step title '" << t << "'");
      for (const std::string& t : e.texts) BOOST_TEST(text.find(NoSpace(t)) != std::string::npos, "step '" << t << "'");
    }
  }
}

BOOST_AUTO_TEST_CASE(checklist_has_every_check_in_a_row_with_a_box) {
  const Built& b = A4();
  BOOST_REQUIRE(b.ok);
  auto parts = Unzip(b.Docx().at("checklists/validation.docx"));
  pugi::xml_document doc, footer;
  BOOST_REQUIRE(doc.load_string(parts["word/document.xml"].c_str()));
  BOOST_REQUIRE(footer.load_string(parts["word/footer1.xml"].c_str()));
  BOOST_TEST(ParagraphText(footer.select_node("//w:p").node()).find("Validation checklist") != std::string::npos);
  std::multiset<std::string> rows;  // "kind|title" of each row after a table's heading row
  size_t tables = 0;
  for (const pugi::xpath_node& t : doc.select_nodes("//w:tbl")) {
    ++tables;
    bool heading = true;
    for (pugi::xml_node tr : t.node().children("w:tr")) {
      if (heading) {
        BOOST_TEST(tr.child("w:trPr").child("w:tblHeader"), "the first row is a heading row, repeated on each page");
        heading = false;
        continue;
      }
      std::vector<std::string> cells;
      for (pugi::xml_node tc : tr.children("w:tc")) cells.push_back(ParagraphText(tc.child("w:p")));
      BOOST_REQUIRE(cells.size() == 8u);
      BOOST_TEST(cells[0] == "\u2610");
      rows.insert(cells[2].substr(0, cells[2].find(':')) + "|" + cells[3]);
    }
  }
  BOOST_TEST(tables >= 2u);
  BOOST_TEST(rows.size() == b.c.plan.checks.size());
  for (const ValidationCheck& c : b.c.plan.checks) BOOST_TEST(rows.count(c.kind.value + "|" + c.title.value), c.title.value);
}

BOOST_AUTO_TEST_SUITE_END()
