// runbooks/<role>.pdf (--pdf) read back by poppler (pdftotext, pdfinfo, pdffonts): every step and
// command of the runbook, the paper size, embedded fonts, the running footer, the dates from
// --as-of, and the same bytes from every build.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <utility>
#include <vector>

#include "check/plan_digest.h"
#include "driver/compile.h"
#include "emit/emitters.h"
#include "emit/pdf_view.h"
#include "emit/runbook_pdf.h"
#include "emit/runbook_view.h"
#include "outside_program.h"
#include "pdf_text.h"
#include "test_paths.h"

using namespace plangen;
namespace fs = std::filesystem;

namespace {

// The Contoso sample as of 2026-12-01, with its outputs when `emit`.
struct PdfSample {
  Compilation c;
  TemplateSet templates{"", testing::SourceRoot() + "/templates"};
  Date as_of = *ParseDate("2026-12-01");
  std::unique_ptr<EmitContext> ctx;
  PdfSample(Paper paper = Paper::kA4, bool pdf = true, unsigned jobs = 1) {
    CompileOptions o;
    o.plan_path = "samples/contoso/plan.xml";
    o.as_of = as_of;
    char cwd[4096];
    bool moved = getcwd(cwd, sizeof cwd) != nullptr && chdir(testing::SourceRoot().c_str()) == 0;
    Compile(o, c);
    if (moved && chdir(cwd) != 0) return;
    ctx = std::make_unique<EmitContext>(EmitContext{c.plan, c.profile, as_of, false, templates, c.diags, c.sources});
    ctx->plan_digest = check::PlanDigest(c.plan);
    ctx->paper = paper;
    ctx->pdf = pdf;
    ctx->jobs = jobs;
  }
  const Role& LyncOps() const {
    const Role* r = c.plan.FindRole("lync-ops");
    BOOST_REQUIRE(r);
    return *r;
  }
  std::string RunbookPdf() {
    OutputSet out;
    BOOST_REQUIRE(RenderRunbookPdf(*ctx, LyncOps(), out));
    BOOST_REQUIRE(out.Has("runbooks/lync-ops.pdf"));
    return out.files().at("runbooks/lync-ops.pdf");
  }
};

// poppler-utils reads the PDFs back.
bool HavePoppler() {
  return testing::HaveOutsideProgram("pdfinfo, pdftotext and pdffonts (poppler-utils)",
                                     "test -x /usr/bin/pdfinfo && test -x /usr/bin/pdftotext && test -x /usr/bin/pdffonts");
}

// The PDF written to a temporary file, removed with this object.
struct PdfFile {
  fs::path path;
  explicit PdfFile(const std::string& bytes, const std::string& name) {
    path = fs::temp_directory_path() / ("plangen-pdf-test-" + name + "-" + std::to_string(getpid()) + ".pdf");
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~PdfFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
  std::string Info() const { return testing::PdfInfo(path.string()); }
  std::string Text() const { return testing::PdfText(path.string()); }
  /// The text without the running footers, so that what continues on the next page reads on.
  std::string Body() const {
    std::istringstream lines(Text());
    std::string line, out;
    const std::regex footer("\f?(Contoso Lync Server 2013 backup and restoration plan, version 4 .*|Page [0-9]+ of [0-9]+)");
    while (std::getline(lines, line))
      if (!std::regex_match(line, footer)) out += line + "\n";
    return out;
  }
  int Pages() const { return testing::PdfPages(Info()); }
};

// Text compared as the reader sees it: pdftotext ends lines where the PDF wraps them (a command
// wraps at a space or after a hyphen, which pdftotext then joins), so white space and hyphens
// are left out of both sides.
std::string Bare(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '-') out += c;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(runbook_pdf)

// Every step title of every scenario and every procedure step and command of lync-ops's runbook
// (the view the HTML shows) is in the PDF's text.
BOOST_AUTO_TEST_CASE(lync_ops_pdf_holds_every_step_and_command) {
  if (!HavePoppler()) return;
  PdfSample s;
  PdfFile pdf(s.RunbookPdf(), "steps");
  const std::string text = Bare(pdf.Body());
  const TemplateData view = RunbookView(*s.ctx, s.LyncOps(), false);
  int titles = 0, commands = 0, steps = 0;
  auto want = [&](const std::string& what, int* n) {
    ++*n;
    BOOST_TEST(text.find(Bare(what)) != std::string::npos, "missing from the PDF: " << what);
  };
  auto procedure = [&](const std::vector<TemplateData>& list) {
    for (const TemplateData& st : list) {
      want(ViewStr(st, "text"), &steps);
      if (!ViewStr(st, "command").empty()) want(ViewStr(st, "command"), &commands);
    }
  };
  for (const TemplateData& sc : ViewList(view, "scenarios")) {
    want(ViewStr(sc, "title"), &titles);
    for (const TemplateData& st : ViewList(sc, "steps")) want(ViewStr(st, "title"), &titles);
    for (const TemplateData& run : ViewList(sc, "procedure_runs")) procedure(ViewList(run, "steps"));
  }
  for (const TemplateData& b : ViewList(view, "backups")) procedure(ViewList(Materialize(b), "steps"));
  BOOST_TEST_MESSAGE("lync-ops.pdf: " << titles << " titles, " << steps << " procedure steps, " << commands << " commands found");
  BOOST_TEST(titles > 30);
  BOOST_TEST(commands > 30);
  // A step without a command has no box, and one without a check no "Check:".
  BOOST_TEST(std::regex_search(pdf.Text(), std::regex("Check:\\s*\\n\\s*\\n")) == false);
}

// A4 by default, Letter with --paper letter; the page counts are printed; the footer of every
// page names the plan, its version and the role and says "Page i of N".
BOOST_AUTO_TEST_CASE(paper_size_page_count_and_footer) {
  struct Want {
    Paper paper;
    const char* size;
  };
  std::vector<std::pair<Want, std::string>> printed;
  for (const Want& w : {Want{Paper::kA4, "Page size:       595.276 x 841.89 pts (A4)"},
                        Want{Paper::kLetter, "Page size:       612 x 792 pts (letter)"}})
    printed.emplace_back(w, PdfSample(w.paper).RunbookPdf());
  if (!HavePoppler()) return;
  for (const auto& [w, bytes] : printed) {
    PdfFile pdf(bytes, PaperName(w.paper));
    const std::string info = pdf.Info();
    BOOST_TEST(info.find(w.size) != std::string::npos, info);
    const int pages = pdf.Pages();
    BOOST_TEST_MESSAGE("lync-ops.pdf has " << pages << " " << PaperName(w.paper) << " pages");
    BOOST_TEST(pages > 1);
    const std::string text = pdf.Text();
    std::vector<std::string> texts;
    for (size_t at = 0, ff; (ff = text.find('\f', at)) != std::string::npos; at = ff + 1) texts.push_back(text.substr(at, ff - at));
    BOOST_TEST(static_cast<int>(texts.size()) == pages);
    const std::string footer = Bare("Contoso Lync Server 2013 backup and restoration plan, version 4 \u00b7 Runbook: Lync Operations");
    for (size_t i = 0; i < texts.size(); ++i) {
      const std::string t = Bare(texts[i]);
      BOOST_TEST(t.find(footer) != std::string::npos, "page " << i + 1);
      BOOST_TEST(t.find(Bare("Page " + std::to_string(i + 1) + " of " + std::to_string(pages))) != std::string::npos,
                 "page " << i + 1);
    }
  }
}

// Every font is embedded (as a subset) and is one of the pinned DejaVu faces.
BOOST_AUTO_TEST_CASE(every_font_is_embedded_dejavu) {
  if (!HavePoppler()) return;
  PdfSample s;
  PdfFile pdf(s.RunbookPdf(), "fonts");
  std::istringstream lines(testing::RunCapture("/usr/bin/pdffonts " + pdf.path.string()));
  std::string line;
  int fonts = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
    ++fonts;
    std::smatch m;
    BOOST_TEST(std::regex_search(line, m, std::regex("^[A-Z]{6}\\+DejaVuSans")), line);
    // emb sub uni: the three columns before the object id.
    BOOST_TEST(std::regex_search(line, std::regex(" yes +yes +yes +[0-9]+ +0$")), line);
  }
  BOOST_TEST_MESSAGE("lync-ops.pdf embeds " << fonts << " font subsets");
  BOOST_TEST(fonts >= 3);
}

// The document's dates are --as-of's, not the clock's; its title and author name the role and plan.
BOOST_AUTO_TEST_CASE(dates_come_from_as_of) {
  PdfSample s;
  const std::string bytes = s.RunbookPdf();
  // cairo 1.16 writes PDF dates without their "D:" prefix; readers accept them (pdfinfo below).
  BOOST_TEST(bytes.find("/CreationDate (20261201000000Z)") != std::string::npos);
  BOOST_TEST(bytes.find("/ModDate (20261201000000Z)") != std::string::npos);
  if (!HavePoppler()) return;
  PdfFile pdf(bytes, "dates");
  const std::string info = pdf.Info();
  BOOST_TEST(info.find("CreationDate:    2026-12-01T00:00:00Z") != std::string::npos, info);
  BOOST_TEST(info.find("ModDate:         2026-12-01T00:00:00Z") != std::string::npos, info);
  BOOST_TEST(info.find("Title:           Runbook: Lync Operations (Contoso Lync Server 2013 backup and restoration plan)") !=
                 std::string::npos, info);
  BOOST_TEST(info.find("Author:          Contoso Lync Server 2013 backup and restoration plan") != std::string::npos, info);
}

// Two builds, on one thread and on two, give the same bytes for every PDF; without --pdf there
// is none.
BOOST_AUTO_TEST_CASE(same_bytes_from_every_build_and_none_without_pdf) {
  auto pdfs = [](unsigned jobs, bool pdf) {
    PdfSample s(Paper::kA4, pdf, jobs);
    OutputSet out;
    BOOST_REQUIRE(RunEmitters(*s.ctx, out));
    std::map<std::string, std::string> found;
    for (const auto& [path, bytes] : out.files())
      if (path.size() > 4 && path.compare(path.size() - 4, 4, ".pdf") == 0) found[path] = bytes;
    return found;
  };
  const auto one = pdfs(1, true), again = pdfs(1, true), two = pdfs(2, true);
  BOOST_TEST(one.size() >= 8u);
  BOOST_TEST(one.count("runbooks/lync-ops.pdf") == 1u);
  for (const auto& [path, bytes] : one) {
    BOOST_TEST(again.count(path) == 1u, path);
    BOOST_TEST((again.count(path) && again.at(path) == bytes), path << " differs between two builds");
    BOOST_TEST((two.count(path) && two.at(path) == bytes), path << " differs with --jobs 2");
  }
  BOOST_TEST(pdfs(1, false).empty());
}

// checklists/validation.pdf holds every check of the plan, with its footer and embedded fonts.
BOOST_AUTO_TEST_CASE(checklist_pdf_holds_every_check) {
  if (!HavePoppler()) return;
  PdfSample s;
  OutputSet out;
  BOOST_REQUIRE(RunEmitters(*s.ctx, out));
  BOOST_REQUIRE(out.Has("checklists/validation.pdf"));
  PdfFile pdf(out.files().at("checklists/validation.pdf"), "checklist");
  const std::string text = Bare(pdf.Text());
  for (const ValidationCheck& c : s.c.plan.checks)
    BOOST_TEST((text.find(Bare(c.kind.value + ":")) != std::string::npos && text.find(Bare(c.title.value)) != std::string::npos),
               "missing from the checklist PDF: " << c.title.value);
  BOOST_TEST(text.find(Bare("Page 1 of " + std::to_string(pdf.Pages()))) != std::string::npos);
  BOOST_TEST(testing::RunCapture("/usr/bin/pdffonts " + pdf.path.string()).find(" no ") == std::string::npos);
  BOOST_TEST_MESSAGE("validation.pdf has " << pdf.Pages() << " pages");
}

BOOST_AUTO_TEST_SUITE_END()
