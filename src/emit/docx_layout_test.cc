// The tables of the Word documents keep their columns: a fixed layout, a grid as wide as the text
// of the --paper page, a width on every cell, and no heading word broken when LibreOffice sets
// the checklist and a runbook.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "audit/zip_reader.h"
#include "emit/docx_package.h"
#include "emit/docx_tables.h"
#include "outside_program.h"
#include "plangen_process.h"
#include "temp_tree.h"
#include "test_paths.h"

using namespace plangen;
namespace fs = std::filesystem;

namespace {

// The sample built on `paper` into `dir`/out: its Word documents, path -> word/document.xml.
std::map<std::string, std::string> SampleDocuments(const std::string& dir, const std::string& paper) {
  std::map<std::string, std::string> docs;
  ProcessResult r = RunPlangen(testing::SourceRoot(),
                               {"build", "samples/contoso/plan.xml", "--as-of", "2026-12-01", "--paper", paper,
                                "--quiet", "-o", dir + "/out"},
                               300);
  BOOST_REQUIRE_MESSAGE(r.exit == 0, r.err);
  for (const auto& e : fs::recursive_directory_iterator(dir + "/out")) {
    if (!e.is_regular_file() || e.path().extension() != ".docx") continue;
    audit::ZipContents zip = audit::ReadZipFile(e.path().string(), audit::ZipLimits{});
    for (const audit::ZipEntry& m : zip.entries)
      if (m.name == "word/document.xml") docs[fs::relative(e.path(), dir + "/out").generic_string()] = m.data;
  }
  return docs;
}

int Twips(const pugi::xml_node& n, const char* attr = "w:w") { return n.attribute(attr).as_int(-1); }

// The text of the heading row's cells of every table, in order.
std::vector<std::string> HeadingWords(const std::string& document_xml, size_t* tables) {
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(document_xml.c_str()));
  std::vector<std::string> words;
  *tables = 0;
  for (const pugi::xpath_node& t : doc.select_nodes("//w:tbl")) {
    ++*tables;
    for (const pugi::xpath_node& x : t.node().child("w:tr").select_nodes(".//w:t")) {
      std::istringstream in(x.node().text().get());
      for (std::string w; in >> w;) words.push_back(w);
    }
  }
  return words;
}

std::string Output(const std::string& cmd) {
  std::string out;
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
  pclose(f);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx_layout)

BOOST_AUTO_TEST_CASE(layouts_are_drawn_on_the_a4_text_width_and_scale_to_any_width) {
  BOOST_TEST(kDocxLayoutWidth == DocxPageOf(Paper::kA4).TextWidth());
  for (const DocxTableLayout& t : DocxTableLayouts()) {
    BOOST_TEST_CONTEXT(t.kind << " " << t.table) {
      int sum = 0;
      for (int w : t.widths) sum += w;
      BOOST_TEST(sum == kDocxLayoutWidth);
      for (int text : {DocxPageOf(Paper::kA4).TextWidth(), DocxPageOf(Paper::kLetter).TextWidth(), 7001}) {
        std::vector<int> scaled = DocxColumnWidths(t.widths, text);
        BOOST_REQUIRE(scaled.size() == t.widths.size());
        int total = 0;
        for (size_t i = 0; i < scaled.size(); ++i) {
          total += scaled[i];
          const double exact = static_cast<double>(t.widths[i]) * text / kDocxLayoutWidth;
          BOOST_TEST(std::abs(scaled[i] - exact) <= 1.0, "column " << i + 1 << ": " << scaled[i] << " for " << exact);
        }
        BOOST_TEST(total == text);
      }
    }
  }
  BOOST_TEST(DocxColumnWidths({1, 1, 1}, 100) == (std::vector<int>{33, 34, 33}), boost::test_tools::per_element());
  BOOST_TEST(DocxColumnWidths({}, 100).empty());
}

// Runs without LibreOffice: the structure Word and LibreOffice lay the tables out from.
BOOST_AUTO_TEST_CASE(every_table_is_fixed_and_as_wide_as_the_text_of_its_paper) {
  for (const auto& [paper, page_width] : std::map<std::string, int>{{"a4", 11906}, {"letter", 12240}}) {
    testing::TempDir dir("plangen-docx-layout");
    std::map<std::string, std::string> docs = SampleDocuments(dir.path, paper);
    BOOST_TEST(docs.count("checklists/validation.docx") == 1u);
    BOOST_TEST(docs.count("runbooks/lync-ops.docx") == 1u);
    for (const auto& [path, xml] : docs) {
      BOOST_TEST_CONTEXT(paper << " " << path) {
        pugi::xml_document doc;
        BOOST_REQUIRE(doc.load_string(xml.c_str()));
        pugi::xml_node sect = doc.select_node("/w:document/w:body/w:sectPr").node();
        BOOST_TEST(Twips(sect.child("w:pgSz")) == page_width);
        const int text = Twips(sect.child("w:pgSz")) - Twips(sect.child("w:pgMar"), "w:left") -
                         Twips(sect.child("w:pgMar"), "w:right");
        for (const pugi::xpath_node& x : doc.select_nodes("//w:tbl")) {
          pugi::xml_node tbl = x.node();
          pugi::xml_node pr = tbl.child("w:tblPr");
          BOOST_TEST(std::string(pr.child("w:tblLayout").attribute("w:type").value()) == "fixed");
          BOOST_TEST(std::string(pr.child("w:tblW").attribute("w:type").value()) == "dxa");
          BOOST_TEST(Twips(pr.child("w:tblW")) == text);
          std::vector<int> grid;
          int sum = 0;
          for (pugi::xml_node g : tbl.child("w:tblGrid").children("w:gridCol")) {
            grid.push_back(Twips(g));
            sum += grid.back();
            BOOST_TEST(grid.back() > 0);
          }
          BOOST_TEST(sum == text);
          for (pugi::xml_node tr : tbl.children("w:tr")) {
            size_t col = 0;
            for (pugi::xml_node tc : tr.children("w:tc")) {
              pugi::xml_node tcw = tc.child("w:tcPr").child("w:tcW");
              BOOST_REQUIRE_MESSAGE(tcw, "a cell without w:tcW");
              BOOST_TEST(std::string(tcw.attribute("w:type").value()) == "dxa");
              const int span = tc.child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int(1);
              int spanned = 0;
              for (int i = 0; i < span && col < grid.size(); ++i) spanned += grid[col++];
              BOOST_TEST(Twips(tcw) == spanned, "the cell's width is that of the columns it spans");
            }
            BOOST_TEST(col == grid.size(), "every row fills the grid");
          }
        }
      }
    }
  }
}

// LibreOffice sets the checklist and the runbook with every kind of table: each word of each
// heading row is whole on its line, as often as there are tables with it.
BOOST_AUTO_TEST_CASE(libreoffice_breaks_no_heading_word) {
  testing::TempDir dir("plangen-docx-layout");
  std::map<std::string, std::string> docs = SampleDocuments(dir.path, "a4");
  if (!testing::HaveOutsideProgram("LibreOffice (soffice)", "command -v soffice") ||
      !testing::HaveOutsideProgram("pdftotext (poppler-utils)", "command -v pdftotext"))
    return;
  const std::vector<std::string> shown = {"checklists/validation.docx", "runbooks/lync-ops.docx"};
  std::string cmd = "cd '" + dir.path + "' && HOME='" + dir.path + "/home' timeout 600 soffice --headless --convert-to pdf --outdir '" +
                    dir.path + "/pdf'";
  for (const std::string& p : shown) cmd += " 'out/" + p + "'";
  BOOST_REQUIRE_MESSAGE(std::system((cmd + " >/dev/null 2>&1").c_str()) == 0, cmd);
  for (const std::string& p : shown) {
    BOOST_TEST_CONTEXT(p) {
      const std::string pdf = dir.path + "/pdf/" + fs::path(p).stem().string() + ".pdf";
      BOOST_REQUIRE(fs::exists(pdf));
      std::map<std::string, size_t> tokens;
      std::istringstream text(Output("pdftotext -layout '" + pdf + "' -"));
      for (std::string w; text >> w;) ++tokens[w];
      size_t tables = 0;
      std::map<std::string, size_t> expected;
      for (const std::string& w : HeadingWords(docs.at(p), &tables)) ++expected[w];
      BOOST_TEST(tables >= 4u);
      for (const auto& [word, times] : expected)
        BOOST_TEST(tokens[word] >= times, "heading word '" << word << "' whole " << tokens[word] << " times, in " << times << " headings");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
