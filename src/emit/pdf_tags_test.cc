// The PDF outputs are tagged: poppler reads their structure tree (pdfinfo -struct-text), with the
// headings, paragraphs, lists, commands, contents and figures in reading order under one Document.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "emit/pdf_document.h"
#include "outside_program.h"

using namespace plangen;
namespace fs = std::filesystem;

namespace {

// A document of every kind of block, over two pages.
std::string TwoPageDocument() {
  PdfDocument doc(Paper::kA4);
  doc.Heading(1, "Runbook: Lync Operations", "top", true);
  doc.ContentsEntry("Front End pool lost", "scenario");
  doc.Paragraph("Call the incident manager at once.");
  doc.Heading(2, "Front End pool lost", "scenario", true);
  doc.Drawing(60, [](PdfCanvas& canvas, double x, double y, double) {
    canvas.Text("Timeline", PdfFont::kChart, x, y, -1);
  });
  for (int i = 1; i <= 60; ++i) doc.Item(std::to_string(i) + ".", "Step number " + std::to_string(i) + " of the restore.");
  doc.Code("Install-CsDatabase -CentralManagementDatabase -SqlServerFqdn sql01.contoso.com");
  doc.Paragraph("After the list.");
  std::string bytes, why;
  BOOST_REQUIRE_MESSAGE(doc.Write({"Runbook", "Contoso", "Test", "2026-12-01"}, "footer", &bytes, &why), why);
  BOOST_TEST(doc.pages() == 2);
  return bytes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emit)
BOOST_AUTO_TEST_SUITE(pdf_tags)

BOOST_AUTO_TEST_CASE(the_structure_tree_follows_the_blocks) {
  const std::string bytes = TwoPageDocument();
  // Without poppler: the catalog still says the document is tagged and holds a structure tree.
  BOOST_TEST(bytes.find("/StructTreeRoot") != std::string::npos);
  BOOST_TEST(bytes.find("/MarkInfo") != std::string::npos);
  if (!testing::HaveOutsideProgram("pdfinfo (poppler-utils)", "pdfinfo -v")) return;
  const fs::path file = fs::temp_directory_path() / ("plangen-pdf-tags-" + std::to_string(getpid()) + ".pdf");
  {
    std::ofstream(file, std::ios::binary) << bytes;
  }
  const std::string info = testing::RunCapture("pdfinfo '" + file.string() + "'");
  const size_t tagged = info.find("Tagged:");
  BOOST_TEST((tagged != std::string::npos && info.substr(tagged, info.find('\n', tagged) - tagged).find("yes") != std::string::npos), info);
  const std::string tree = testing::RunCapture("pdfinfo -struct-text '" + file.string() + "' 2>&1");
  fs::remove(file);
  // In reading order: the title, the contents entry, the paragraph, the heading, the figure, the
  // list (split where the page breaks), the command and the last paragraph.
  size_t at = tree.find("Document");
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, tree.substr(0, 2000));
  for (const char* want : {"H1 (block)", "Runbook: Lync Operations", "TOCI", "Link", "Front End pool lost", "P (block)",
                           "Call the incident manager", "H2 (block)", "Figure", "Timeline", "L (block)", "LI (block)",
                           "Step number 1 of", "LI (block)", "Step number 60 of", "Code", "Install-CsDatabase", "P (block)",
                           "After the list."}) {
    size_t next = tree.find(want, at);
    BOOST_TEST_REQUIRE(next != std::string::npos, "'" << want << "' after offset " << at << " in:\n" << tree.substr(0, 1500));
    at = next;
  }
  // The list is split in two, one on each page.
  size_t lists = 0;
  for (size_t p = tree.find(" L (block)"); p != std::string::npos; p = tree.find(" L (block)", p + 1)) ++lists;
  BOOST_TEST(lists == 2u, tree.substr(0, 1500));
  // The footer is not part of the text a reader follows.
  BOOST_TEST(tree.find("footer") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(tagging_keeps_the_bytes_the_same_from_build_to_build) {
  BOOST_TEST(TwoPageDocument() == TwoPageDocument());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
