// Emitted runbooks, checklists, calendars and index: golden files for the sample, and every format
// read back by an independent reader (python3's html.parser, cmark, libical, headless Chromium).
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <random>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <cmark.h>
#include <libical/ical.h>
#include <zip.h>

#include "check/plan_digest.h"
#include "driver/compile.h"
#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "emit/html_breaks.h"
#include "emit/timeline_svg.h"
#include "outside_program.h"
#include "pdf_text.h"
#include "temp_tree.h"
#include "test_paths.h"

using namespace plangen;
namespace fs = std::filesystem;

namespace {

using plangen::testing::ReadAll;
using plangen::testing::RunCapture;
using plangen::testing::TempDir;

struct Sample {
  Compilation c;
  OutputSet out;
  bool emitted = false;
  explicit Sample(const std::function<void(Plan&)>& mutate = nullptr, Paper paper = Paper::kA4) {
    CompileOptions o;
    // A relative path, read from the source root, so the traceability lines in the outputs are the
    // same in every checkout.
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
    TemplateSet templates("", testing::SourceRoot() + "/templates");
    // Outputs as a clean plan gives them: the goldens must not change with other checks' findings.
    EmitContext ctx{c.plan, c.profile, o.as_of, false, templates, c.diags, c.sources};
    ctx.plan_digest = check::PlanDigest(c.plan);
    ctx.paper = paper;
    emitted = RunEmitters(ctx, out);
  }
  const std::string& Get(const std::string& path) const {
    static const std::string none;
    auto it = out.files().find(path);
    return it == out.files().end() ? none : it->second;
  }
};

const Sample& TheSample() {
  static Sample s;
  return s;
}

bool Mine(const std::string& path) {
  for (const char* p : {"runbooks/", "checklists/", "calendar/", "scripts/", "index.html"})
    if (path.rfind(p, 0) == 0) return true;
  return false;
}

// The parts of an .xlsx or .docx that carry its content, so goldens do not depend on deflate's
// bytes (nor on the fonts a .docx's timeline pictures were drawn with).
std::map<std::string, std::string> ZipParts(const std::string& bytes, const std::vector<const char*>& names) {
  std::map<std::string, std::string> parts;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
  if (!z) return parts;
  for (const char* name : names) {
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st) != 0) continue;
    zip_file_t* f = zip_fopen(z, name, 0);
    std::string data(st.size, '\0');
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    parts[name] = data;
  }
  zip_close(z);
  return parts;
}

std::map<std::string, std::string> XlsxParts(const std::string& bytes) {
  return ZipParts(bytes, {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "docProps/core.xml"});
}

// An HTML document checked by python3's html.parser: prints the start tags it saw and the text.
std::string PythonHtml(const std::string& html) {
  const TempDir tmp("plangen-emit-test");
  const fs::path dir = tmp.path;
  fs::path file = dir / "page.html";
  std::ofstream(file, std::ios::binary) << html;
  std::string cmd = "/usr/bin/python3 -c '\n"
                    "import sys, html.parser\n"
                    "class P(html.parser.HTMLParser):\n"
                    "  def __init__(s):\n"
                    "    super().__init__(convert_charrefs=True); s.tags=set(); s.text=[]\n"
                    "  def handle_starttag(s, t, a): s.tags.add(t)\n"
                    "  def handle_data(s, d): s.text.append(d)\n"
                    "p = P(); p.feed(open(sys.argv[1], encoding=\"utf-8\").read()); p.close()\n"
                    "print(\"TAGS \" + \" \".join(sorted(p.tags)))\n"
                    "print(\"TEXT \" + \"\".join(p.text).replace(\"\\n\", \" \"))\n"
                    "' " + file.string();
  std::string r = RunCapture(cmd);
  return r;
}

// Empty command boxes and bare "Check:" lines: a step with neither a command nor a check must
// show neither. Counts both in HTML and Markdown.
int EmptyBoxes(const std::string& text, bool markdown) {
  int n = 0;
  auto count = [&](const std::regex& re) {
    n += static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
  };
  if (markdown) {
    count(std::regex("```[A-Za-z]*\\n(\\s*\\n)*\\s*```"));
    count(std::regex("Check:[ \\t]*(\\n|<|$)"));
  } else {
    count(std::regex("<pre>\\s*(<code>\\s*</code>)?\\s*</pre>"));
    count(std::regex("Check:(\\s|&nbsp;)*(<|$)"));
  }
  return n;
}

// Chromium renders and prints the pages.
bool HaveChromium() { return testing::HaveOutsideProgram("/usr/bin/chromium", "test -x /usr/bin/chromium"); }

// pdfinfo and pdftotext (poppler-utils) read printed pages back.
bool HavePoppler() {
  return testing::HaveOutsideProgram("pdfinfo and pdftotext (poppler-utils)",
                                     "test -x /usr/bin/pdfinfo && test -x /usr/bin/pdftotext");
}

// `text` with every run of white space made one space, and trimmed.
std::string Squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string ChromiumCommand(const fs::path& dir) {
  return "timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update --disable-sync --no-first-run --user-data-dir=" + (dir / "profile").string() +
         " --enable-logging=stderr --v=0";
}

// Runs in each measured page: every run of two or more letters or digits in the rendered text
// (outside SVG, style and script) whose glyphs lie on more than one line is a broken word. The
// figures go to the page holding the frames, after the label the page was given.
const char* kMeasureScript = R"JS(
(function () {
  var broken = [], words = 0, node;
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: function (n) {
    for (var e = n.parentElement; e; e = e.parentElement) {
      var t = e.tagName.toLowerCase();
      if (t === 'svg' || t === 'style' || t === 'script') return NodeFilter.FILTER_REJECT;
    }
    return NodeFilter.FILTER_ACCEPT; } });
  var re = /[A-Za-z0-9]{2,}/g;
  while ((node = walker.nextNode())) {
    var m;
    re.lastIndex = 0;
    while ((m = re.exec(node.data))) {
      var r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      var rects = r.getClientRects(), tops = [];
      for (var i = 0; i < rects.length; ++i) {
        if (rects[i].width === 0) continue;
        var top = Math.round(rects[i].top);
        if (tops.every(function (x) { return Math.abs(x - top) > 2; })) tops.push(top);
      }
      if (tops.length === 0) continue;
      ++words;
      if (tops.length > 1) broken.push(m[0]);
    }
  }
  var out = window.parent.document.createElement('pre');
  out.textContent = 'LAYOUT ' + label + ' ' + words + ' ' + broken.length + ' ' + document.documentElement.scrollWidth +
                    ' ' + broken.slice(0, 20).join(' ') + ' END';
  window.parent.document.body.appendChild(out);
})();
</script>)JS";

struct Layout {
  int words = -1, broken = -1, scroll_width = -1;
  std::string raw;
};

struct LayoutPage {
  std::string label;  // no space in it
  std::string html;
  int width;
};

// Lays every page out in its own frame of its width (a phone's screen is narrower than
// Chromium's smallest window), in one Chromium run, and measures each. Labels not measured are
// missing from the result.
std::map<std::string, Layout> MeasureLayouts(const std::vector<LayoutPage>& pages) {
  const TempDir tmp("plangen-emit-test");
  const fs::path dir = tmp.path;
  std::ostringstream frames;
  frames << "<!DOCTYPE html><html><body style=\"margin:0\">";
  for (const LayoutPage& p : pages) {
    std::string html = p.html;
    html.insert(html.rfind("</body>"), "<script>var label = '" + p.label + "';" + kMeasureScript);
    std::string srcdoc;
    for (char c : html) {
      if (c == '&') srcdoc += "&amp;";
      else if (c == '"') srcdoc += "&quot;";
      else srcdoc.push_back(c);
    }
    frames << "<iframe style=\"border:0;display:block\" width=\"" << p.width << "\" height=\"600\" srcdoc=\"" << srcdoc
           << "\"></iframe>";
  }
  frames << "</body></html>";
  fs::path page = dir / "frames.html";
  std::ofstream(page, std::ios::binary) << frames.str();
  std::string dom = RunCapture(ChromiumCommand(dir) + " --window-size=1400,1000 --dump-dom file://" + page.string() + " 2>/dev/null");
  std::map<std::string, Layout> out;
  for (size_t at = dom.find("<pre>LAYOUT "); at != std::string::npos; at = dom.find("<pre>LAYOUT ", at + 1)) {
    Layout l;
    l.raw = dom.substr(at + 5, dom.find(" END", at) - at - 5);
    std::istringstream in(l.raw.substr(7));
    std::string label;
    in >> label >> l.words >> l.broken >> l.scroll_width;
    out[label] = l;
  }
  return out;
}

const char* kHostile = "<script>alert(1)</script> [x](javascript:alert(1)) | *bold* \nsecond line";

}  // namespace

BOOST_AUTO_TEST_SUITE(emit)

BOOST_AUTO_TEST_CASE(golden_sample_outputs) {
  const Sample& s = TheSample();
  BOOST_REQUIRE(s.emitted);
  fs::path expected = fs::path(testing::SourceRoot()) / "tests/golden/sample/expected";
  bool update = std::getenv("PLANGEN_UPDATE_GOLDEN") && std::string(std::getenv("PLANGEN_UPDATE_GOLDEN")) == "1";
  int compared = 0;
  for (const auto& [path, bytes] : s.out.files()) {
    if (!Mine(path)) continue;
    bool xlsx = path.size() > 5 && path.compare(path.size() - 5, 5, ".xlsx") == 0;
    bool docx = path.size() > 5 && path.compare(path.size() - 5, 5, ".docx") == 0;
    std::map<std::string, std::string> files;
    if (xlsx) {
      for (const auto& [part, text] : XlsxParts(bytes)) files[path + ".d/" + part] = text;
      BOOST_TEST(files.size() == 3u, path << " holds its sheet, strings and properties");
    } else if (docx) {
      for (const auto& [part, text] : ZipParts(bytes, {"word/document.xml", "word/numbering.xml"})) files[path + ".d/" + part] = text;
      BOOST_TEST(files.size() == 2u, path << " holds its document and numbering");
    } else {
      files[path] = bytes;
    }
    for (const auto& [rel, text] : files) {
      fs::path p = expected / rel;
      if (update) {
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
      }
      BOOST_TEST_INFO("golden " << rel << " (regenerate with PLANGEN_UPDATE_GOLDEN=1)");
      BOOST_TEST(fs::exists(p));
      BOOST_TEST((ReadAll(p) == text));
      ++compared;
    }
  }
  BOOST_TEST(compared >= 20);
  // No stale expectation: every expected file is still emitted.
  for (const auto& e : fs::recursive_directory_iterator(expected)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), expected).generic_string();
    if (!Mine(rel)) continue;
    size_t d = rel.find(".xlsx.d/");
    if (d == std::string::npos) d = rel.find(".docx.d/");
    BOOST_TEST(s.out.Has(d == std::string::npos ? rel : rel.substr(0, d + 5)), rel << " is no longer emitted");
  }
}

BOOST_AUTO_TEST_CASE(outputs_are_byte_identical_between_runs) {
  Sample again;
  for (const auto& [path, bytes] : TheSample().out.files())
    if (Mine(path)) BOOST_TEST((again.Get(path) == bytes), path);
}

BOOST_AUTO_TEST_CASE(role_without_duty_gets_no_runbook) {
  const Sample& s = TheSample();
  BOOST_TEST(!s.out.Has("runbooks/cio.html"));
  BOOST_TEST(!s.out.Has("runbooks/cio.md"));
  BOOST_TEST(s.out.Has("runbooks/it-director.html"));  // decides a scenario, approves changes
  // The CIO approves the plan, so it is named in the plan: no finding. A role named nowhere is
  // noted by the check (PG3101), the same for 'check' and 'build'.
  for (const Diagnostic* d : s.c.diags.Sorted()) BOOST_TEST((d->id != DiagId::note_role_without_duty));
}

BOOST_AUTO_TEST_CASE(timing_follows_dependencies_and_spare_lead_time) {
  const Plan& plan = TheSample().c.plan;
  const Scenario* se = plan.FindScenario("se-server");
  BOOST_REQUIRE(se);
  ScenarioTiming t = ComputeTiming(plan, *se);
  BOOST_TEST(t.lead == 3600);                  // the Dublin cold spare
  BOOST_TEST(t.steps[0].start == 3600);        // prepare waits for the spare
  BOOST_TEST(t.steps[3].start == 3600 * 4.5);  // users after files (4 h) and deploy (4 h 30)
  BOOST_TEST(t.total == 6 * 3600);
  BOOST_TEST(t.steps[2].critical);
  BOOST_TEST(!t.steps[1].critical);            // files finishes before deploy
  BOOST_TEST(!t.cycle);
  Scenario loop = *se;
  loop.steps[0].after.push_back(loop.steps[4].id);  // prepare after verify: a cycle
  ScenarioTiming c = ComputeTiming(plan, loop);
  BOOST_TEST(c.cycle);
  std::string svg = TimelineSvg(plan, *se, t);
  BOOST_TEST(svg.find("class=\"rto\"") != std::string::npos);
  BOOST_TEST(svg.find("bar critical") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(due_dates_from_as_of_and_last_review) {
  const Plan& plan = TheSample().c.plan;
  Date as_of = *ParseDate("2026-12-01");
  for (const ValidationCheck& c : plan.checks) {
    CheckDue d = DueDates(plan, c, as_of);
    BOOST_TEST(d.known);
    if (c.kind.value == "V1") BOOST_TEST(FormatDate(d.next) == "2026-12-02");
    if (c.kind.value == "V3") BOOST_TEST(FormatDate(d.next) == "2027-01-01");
    if (c.kind.value == "M1") {
      BOOST_TEST(FormatDate(d.next) == "2027-04-15");  // last reviewed 2026-10-15 + 6 months
      BOOST_TEST(!d.overdue);
      BOOST_TEST(DueDates(plan, c, *ParseDate("2027-05-01")).overdue);
    }
  }
}

BOOST_AUTO_TEST_CASE(calendars_parse_back_with_libical) {
  const Sample& s = TheSample();
  const Plan& plan = s.c.plan;
  int files = 0;
  for (const auto& [path, ics] : s.out.files()) {
    if (path.rfind("calendar/", 0) != 0) continue;
    ++files;
    // CRLF everywhere, no content line longer than 75 octets.
    size_t pos = 0;
    while (pos < ics.size()) {
      size_t e = ics.find("\r\n", pos);
      BOOST_REQUIRE(e != std::string::npos);
      BOOST_TEST(e - pos <= 75u, path);
      BOOST_TEST(ics.substr(pos, e - pos).find('\n') == std::string::npos);
      pos = e + 2;
    }
    icalcomponent* cal = icalparser_parse_string(ics.c_str());
    BOOST_REQUIRE(cal);
    BOOST_TEST(icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT);
    BOOST_TEST(icalcomponent_count_errors(cal) == 0, path);
    std::string role = path.substr(9, path.size() - 13);
    size_t expected = 0;
    for (const Backup& b : plan.backups) expected += b.owner.value == role;
    for (const ValidationCheck& c : plan.checks) expected += c.owner.value == role;
    size_t events = 0;
    for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
      ++events;
      icalproperty* rr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
      BOOST_REQUIRE(rr);
      struct icalrecurrencetype r = icalproperty_get_rrule(rr);
      BOOST_TEST(r.freq != ICAL_NO_RECURRENCE);
      BOOST_TEST(icalcomponent_get_uid(ev) != nullptr);
      BOOST_TEST(icaltime_as_ical_string(icalcomponent_get_dtstamp(ev)) == std::string("20261201T000000Z"));
    }
    BOOST_TEST(events == expected, path);
    icalcomponent_free(cal);
  }
  BOOST_TEST(files >= 5);
  // The Central Management store backup recurs daily at midnight, Redmond time: the calendar
  // carries the zone, and libical places the first run at 08:00 UTC (PST is UTC-8). It lasts as
  // long as the profile procedure's step estimates add up to.
  icalcomponent* cal = icalparser_parse_string(s.Get("calendar/lync-ops.ics").c_str());
  BOOST_REQUIRE(cal);
  BOOST_REQUIRE(icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT));
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  struct icalrecurrencetype r = icalproperty_get_rrule(icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY));
  BOOST_TEST(r.freq == ICAL_DAILY_RECURRENCE);
  BOOST_TEST(r.by_hour[0] == 0);
  icalproperty* start = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
  icalparameter* tzid = icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER);
  BOOST_REQUIRE(tzid);
  BOOST_TEST(icalparameter_get_tzid(tzid) == std::string("America/Los_Angeles"));
  icaltimezone* zone = icalcomponent_get_timezone(cal, "America/Los_Angeles");
  BOOST_REQUIRE(zone);
  icaltimetype t = icalproperty_get_dtstart(start);
  icaltimetype utc = icaltime_convert_to_zone(icaltime_set_timezone(&t, zone), icaltimezone_get_utc_timezone());
  BOOST_TEST(icaltime_as_ical_string(utc) == std::string("20261201T080000Z"));
  int64_t estimates = 0;
  for (const ProfileStep& st : s.c.profile.FindProcedure("backup-xds")->steps) estimates += st.estimate.Seconds();
  BOOST_TEST(estimates > 0);
  BOOST_TEST(icaldurationtype_as_int(icalcomponent_get_duration(ev)) == estimates);
  // In summer the same wall-clock midnight is 07:00 UTC (PDT, UTC-7): the VTIMEZONE's changes.
  icaltimetype july = icaltime_from_string("20270701T000000");
  BOOST_TEST(icaltime_as_ical_string(icaltime_convert_to_zone(icaltime_set_timezone(&july, zone), icaltimezone_get_utc_timezone())) ==
             std::string("20270701T070000Z"));
  icalcomponent_free(cal);
}

BOOST_AUTO_TEST_CASE(sample_html_parses_and_is_self_contained) {
  const Sample& s = TheSample();
  for (const auto& [path, html] : s.out.files()) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    std::string r = PythonHtml(html);
    BOOST_TEST(r.rfind("TAGS ", 0) == 0, path << ": " << r.substr(0, 200));
    std::string tags = r.substr(0, r.find('\n'));
    BOOST_TEST(tags.find(" script") == std::string::npos, path);
    BOOST_TEST(tags.find(" link") == std::string::npos, path);
    BOOST_TEST(tags.find(" img") == std::string::npos, path);
    BOOST_TEST(html.find("http://") == html.find("http://www.w3.org/2000/svg"), path);  // only the SVG namespace
    BOOST_TEST(html.find("https://") == std::string::npos, path);
  }
  const std::string& rb = s.Get("runbooks/dublin-it.html");
  BOOST_TEST(rb.find("<ol class=\"steps\">") != std::string::npos);
  BOOST_TEST(rb.find("<svg") != std::string::npos);
  BOOST_TEST(rb.find("@media print") != std::string::npos);
  const std::string& index = s.Get("index.html");
  for (const auto& [path, bytes] : s.out.files())
    if (path != "index.html") BOOST_TEST(index.find("href=\"" + path + "\"") != std::string::npos, path);
}

BOOST_AUTO_TEST_CASE(hostile_text_stays_text_in_every_format) {
  const std::string hostile = kHostile;
  Sample s([&](Plan& plan) {
    for (Role& r : plan.roles)
      if (r.id.value == "dublin-it") r.id.value = hostile;
    for (Backup& b : plan.backups)
      if (b.owner.value == "dublin-it") {
        b.owner.value = hostile;
        b.server.value = hostile;
      }
    for (Scenario& sc : plan.scenarios)
      for (ScenarioStep& st : sc.steps) {
        if (st.role.value == "dublin-it") st.role.value = hostile;
        if (sc.id.value == "se-server" && st.id.value == "files") st.title.value = hostile;
      }
  });
  BOOST_REQUIRE(s.emitted);
  std::string stem = RoleFileStem(hostile);
  BOOST_TEST(stem.find('/') == std::string::npos);
  BOOST_TEST(stem.find('<') == std::string::npos);
  const std::string& html = s.Get("runbooks/" + stem + ".html");
  const std::string& md = s.Get("runbooks/" + stem + ".md");
  const std::string& ics = s.Get("calendar/" + stem + ".ics");
  BOOST_REQUIRE(!html.empty());
  BOOST_REQUIRE(!md.empty());
  BOOST_REQUIRE(!ics.empty());

  // HTML: no script element, the text comes back verbatim (the newline as a space).
  std::string r = PythonHtml(html);
  std::string tags = r.substr(0, r.find('\n'));
  BOOST_TEST(tags.find(" script") == std::string::npos);
  BOOST_TEST(r.find("<script>alert(1)</script> [x](javascript:alert(1)) | *bold*") != std::string::npos);
  for (const auto& [path, text] : s.out.files()) {
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) {
      BOOST_TEST(text.find("<script>") == std::string::npos, path);
    }
  }

  // Markdown: rendered by cmark, raw HTML allowed through, still no script and no link.
  char* rendered = cmark_markdown_to_html(md.c_str(), md.size(), CMARK_OPT_UNSAFE);
  std::string out = rendered;
  free(rendered);
  BOOST_TEST(out.find("<script>") == std::string::npos);
  BOOST_TEST(out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  BOOST_TEST(out.find("href=\"javascript") == std::string::npos);
  BOOST_TEST(out.find("<em>bold") == std::string::npos);
  BOOST_TEST(out.find("*bold*") != std::string::npos);
  // GFM tables: every row of a table has as many unescaped '|' as its header row.
  std::istringstream lines(md);
  std::string line;
  int header = -1;
  auto pipes = [](const std::string& l) {
    int n = 0;
    for (size_t i = 0; i < l.size(); ++i)
      if (l[i] == '|' && (i == 0 || l[i - 1] != '\\')) ++n;
    return n;
  };
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != '|') {
      header = -1;
      continue;
    }
    if (header < 0) header = pipes(line);
    BOOST_TEST(pipes(line) == header, line);
  }

  // iCalendar: the summary comes back from libical as the original text.
  icalcomponent* cal = icalparser_parse_string(ics.c_str());
  BOOST_REQUIRE(cal);
  icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
  BOOST_REQUIRE(ev);
  std::string summary = icalcomponent_get_summary(ev);
  BOOST_TEST(summary.find(hostile) != std::string::npos, summary);
  icalcomponent_free(cal);
  BOOST_TEST(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_empty_command_box_or_bare_check) {
  // The counter finds what it must find.
  BOOST_TEST(EmptyBoxes("<li>Stop.\n<pre><code></code></pre>\n<p>Check: </p></li>", false) == 2);
  BOOST_TEST(EmptyBoxes("<li>Stop.<br>Check:\n<small>x</small></li>", false) == 1);
  BOOST_TEST(EmptyBoxes("1. Stop.\n\n   ```powershell\n   \n   ```\n\n   Check:\n", true) == 2);
  BOOST_TEST(EmptyBoxes("<pre><code>Get-CsUser</code></pre><p>Check: it lists users.</p>", false) == 0);
  const Sample& s = TheSample();
  int files = 0, commands = 0, checks = 0;
  for (const auto& [path, text] : s.out.files()) {
    if (path.rfind("runbooks/", 0) != 0 && path.rfind("checklists/", 0) != 0) continue;
    bool md = path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0;
    bool html = path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0;
    if (!md && !html) continue;
    ++files;
    BOOST_TEST(EmptyBoxes(text, md) == 0, path);
    for (size_t p = text.find(md ? "```powershell" : "<pre><code>"); p != std::string::npos;
         p = text.find(md ? "```powershell" : "<pre><code>", p + 1))
      ++commands;
    for (size_t p = text.find("Check: "); p != std::string::npos; p = text.find("Check: ", p + 1)) ++checks;
  }
  BOOST_TEST(files == 18);  // 8 runbooks and the checklist, in HTML and Markdown
  BOOST_TEST(commands > 100);
  BOOST_TEST(checks > 100);
}

BOOST_AUTO_TEST_CASE(long_tokens_wrap_after_dots_and_backslashes) {
  BOOST_TEST(AddWordBreaks("<td title=\"a.b.c.d.e.f.g\">sql01.contoso.com and e.g. x.y</td>") ==
             "<td title=\"a.b.c.d.e.f.g\">sql01.<wbr>contoso.<wbr>com and e.g. x.y</td>");
  BOOST_TEST(AddWordBreaks("\\\\bk01.contoso.com\\LyncBackup\\red-xds end.") ==
             "\\\\<wbr>bk01.<wbr>contoso.<wbr>com\\<wbr>LyncBackup\\<wbr>red-xds end.");
  BOOST_TEST(AddWordBreaks("<svg><text>sql01.contoso.com</text></svg><style>a.very-long-selector.x{}</style>") ==
             "<svg><text>sql01.contoso.com</text></svg><style>a.very-long-selector.x{}</style>");
  BOOST_TEST(AddWordBreaks("samples/contoso/plan.xml:12:5.") == "samples/<wbr>contoso/<wbr>plan.<wbr>xml:12:5.");
}

BOOST_AUTO_TEST_CASE(word_breaks_fed_in_pieces_are_the_word_breaks_of_the_whole) {
  // Random pages of the pieces the breaker turns on, cut at random places: every cut gives the
  // text the whole page gives.
  const std::vector<std::string> pieces = {"<td>", "</td>", "<svg>", "</svg>", "<style>", "</style>", "<title>",
                                           "</title>", "<", ">", "/", "\\", ".", "sql01", "contoso", "com", " ",
                                           "\n", "x", "a.b", "<p class=\"a.b.c\">", "</sv", "g>", "0"};
  std::mt19937 gen(7);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), length(1, 60);
  for (int n = 0; n < 3000; ++n) {
    std::string page;
    for (size_t k = length(gen); k > 0; --k) page += pieces[pick(gen)];
    const std::string whole = AddWordBreaks(page);
    std::string streamed;
    WordBreaker breaker([&streamed](const std::string& piece) { streamed += piece; });
    for (size_t at = 0; at < page.size();) {
      const size_t len = std::uniform_int_distribution<size_t>(0, 7)(gen);
      breaker.Feed(page.substr(at, len));
      at += len;
    }
    breaker.Finish();
    BOOST_TEST(streamed == whole, "page [" << page << "]");
  }
}

BOOST_AUTO_TEST_CASE(runbook_layout_for_the_emergency) {
  const Sample& s = TheSample();
  // Titled with the role, not the person who fills it.
  const std::string& im = s.Get("runbooks/incident-manager.html");
  BOOST_TEST(im.find("<h1>Runbook: Incident manager (incident-manager)</h1>") != std::string::npos);
  BOOST_TEST(im.find("Held by Dana Whitfield.") != std::string::npos);
  BOOST_TEST(s.Get("runbooks/dba.md").rfind("# Runbook: Database Services (dba)\n", 0) == 0);
  for (const auto& [path, text] : s.out.files()) {
    if (path.rfind("runbooks/", 0) != 0) continue;
    if (path.compare(path.size() - 5, 5, ".docx") == 0) continue;  // read part by part in docx_test.cc
    bool md = path.compare(path.size() - 3, 3, ".md") == 0;
    // Who to call, then the contents, then the duties.
    size_t call = text.find(md ? "\n## Who to call\n" : "<h2>Who to call</h2>");
    size_t contents = text.find(md ? "\n## Contents\n" : "<h2>Contents</h2>");
    size_t duties = text.find(md ? "\n## Restoration duties\n" : "<h2>Restoration duties</h2>");
    for (const char* other : {"Backup duties", "Validation duties", "Plan governance"})
      if (duties == std::string::npos) duties = text.find(md ? "\n## " + std::string(other) + "\n" : "<h2>" + std::string(other) + "</h2>");
    BOOST_TEST(call < contents, path);
    BOOST_TEST(contents < duties, path);
    BOOST_TEST(duties != std::string::npos, path);
    // Every scenario is in the contents with an anchor that exists, and shows its decision
    // criteria, hand-offs and timeline before its steps.
    for (const Scenario& sc : s.c.plan.scenarios) {
      std::string anchor = "scenario-" + sc.id.value;
      size_t link = text.find("(#" + anchor + ")");
      if (!md) link = text.find("href=\"#" + anchor + "\"");
      size_t at = text.find(md ? "<a id=\"" + anchor + "\"></a>" : "id=\"" + anchor + "\"");
      if (link == std::string::npos && at == std::string::npos) continue;  // not this role's
      BOOST_TEST(link < contents + 4000, path << " " << anchor);
      BOOST_TEST(at != std::string::npos, path << " " << anchor);
      size_t criteria = text.find("Decision criteria", at), handoffs = text.find("Hand-offs", at);
      size_t timeline = text.find(md ? "Timeline: " : "<h4>Timeline</h4>", at);
      size_t steps = text.find(md ? "| # | Step |" : "<h4>Steps</h4>", at);
      BOOST_TEST((criteria < handoffs && handoffs < timeline && timeline < steps), path << " " << anchor);
    }
    // Source references are out of the reader's way: none after a step or in small print in
    // HTML (hover titles and a collapsed list), one line per section in Markdown.
    if (md) {
      int subs = 0, sections = 0;
      for (size_t p = text.find("<sub>"); p != std::string::npos; p = text.find("<sub>", p + 1)) ++subs;
      for (size_t p = text.find("\n#"); p != std::string::npos; p = text.find("\n#", p + 1)) ++sections;
      BOOST_TEST(subs <= sections, path << ": " << subs << " source lines for " << sections << " headings");
      if (size_t step = text.find("\n1. "); step != std::string::npos)
        BOOST_TEST(text.find("xml:", step) > text.find("<sub>", step), path << ": no source reference among the steps");
    } else {
      BOOST_TEST(text.find("<small class=\"src\">samples/") == std::string::npos, path);
      BOOST_TEST(text.find("<small class=\"src\">worksheets/") == std::string::npos, path);
      BOOST_TEST(text.find("title=\"Source: ") != std::string::npos, path);
    }
  }
  BOOST_TEST(s.Get("runbooks/lync-ops.html").find("<details class=\"src\"><summary>Sources</summary>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(audit_summary_speaks_in_words) {
  const std::string& sum = TheSample().Get("summary.html");
  BOOST_TEST(sum.find("<td data-label=\"By\">Helen Ortiz (cio)</td>") != std::string::npos, sum.substr(0, 3000));
  BOOST_TEST(sum.find("Both approvals record the digest of this plan: what was approved is what was built.") != std::string::npos);
  BOOST_TEST(sum.find("matches the plan") != std::string::npos);
  // The digest wraps between groups of hex digits on a phone, and is whole without the breaks.
  std::string digest = check::PlanDigest(TheSample().c.plan);
  BOOST_TEST(sum.find("<code>" + digest.substr(0, 23) + "<wbr>" + digest.substr(23, 16) + "<wbr>") != std::string::npos);
  BOOST_TEST(std::regex_replace(sum, std::regex("<wbr>"), "").find("<code>" + digest + "</code>") != std::string::npos);
  BOOST_TEST(sum.find("1 notes") == std::string::npos);
  BOOST_TEST(sum.find("0 errors, 0 warnings") != std::string::npos);
  BOOST_TEST(sum.find(">1 of the profile&apos;s 5 file-store items has a backup in the plan</td>") != std::string::npos);
  BOOST_TEST(sum.find("No worksheets were given to this build") != std::string::npos);
  // A plan changed after its approvals: both no longer match, and the page says so.
  Sample changed([](Plan& plan) { plan.version.value = plan.version.value + "1"; });
  const std::string& other = changed.Get("summary.html");
  BOOST_TEST(other.find("0 approvals match the digest of this plan; 2 were given for another text") != std::string::npos,
             other.substr(0, 4000));
  BOOST_TEST(other.find("does not match: the plan changed after this approval") != std::string::npos);
  // index.html opens with the summary, and lists it only there.
  const std::string& index = TheSample().Get("index.html");
  size_t at = index.find("<a href=\"summary.html\">Audit summary</a>");
  BOOST_TEST(at != std::string::npos);
  BOOST_TEST(at < index.find("<a href=\"runbooks/"));
  BOOST_TEST(index.find("href=\"summary.html\"", at + 10) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(runbook_renders_in_headless_chromium) {
  if (!HaveChromium()) return;
  const TempDir tmp("plangen-emit-test");
  const fs::path dir = tmp.path;
  fs::path html = dir / "lync-ops.html", pdf = dir / "lync-ops.pdf";
  std::ofstream(html, std::ios::binary) << TheSample().Get("runbooks/lync-ops.html");
  std::string log = RunCapture(ChromiumCommand(dir) + " --print-to-pdf=" + pdf.string() + " file://" + html.string() + " 2>&1");
  std::string head = ReadAll(pdf).substr(0, 5);
  BOOST_TEST(head == "%PDF-", log);
  for (const char* bad : {"CONSOLE", "Uncaught", "Failed to load resource", "net::ERR_", "Not allowed to load"})
    BOOST_TEST(log.find(bad) == std::string::npos, bad << " in: " << log);
}

// The text beside each timeline says the RTO as the chart does, and no runbook says "+0 s" or
// "0 s to spare".
BOOST_AUTO_TEST_CASE(timeline_text_and_chart_say_the_same) {
  const Sample& s = TheSample();
  int scenarios = 0;
  for (const auto& [path, text] : s.out.files()) {
    if (path.rfind("runbooks/", 0) != 0) continue;
    if (path.compare(path.size() - 5, 5, ".docx") == 0) continue;  // a zip: read in docx_test.cc
    BOOST_TEST(text.find("RTO 1 day") == std::string::npos, path);
    BOOST_TEST(text.find("+0 s") == std::string::npos, path);
    BOOST_TEST(text.find("0 s to spare") == std::string::npos, path);
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    // Scanned with find, not std::regex: its recursive matcher overflows the stack on a whole
    // runbook under the address sanitizer.
    for (size_t at = text.find("<p>RTO "); at != std::string::npos; at = text.find("<p>RTO ", at + 1)) {
      const size_t start = at + 7;
      const std::string said = text.substr(start, text.find_first_of(",.", start) - start);
      const size_t label = text.find("class=\"rto-label\"", start);
      BOOST_TEST_REQUIRE(label != std::string::npos, path);
      const size_t from = text.find('>', label) + 1;
      BOOST_TEST_REQUIRE(text.compare(from, 4, "RTO ") == 0, path);
      const std::string drawn = text.substr(from + 4, text.find('<', from) - from - 4);
      BOOST_TEST(said == drawn, path);
      ++scenarios;
    }
  }
  BOOST_TEST(scenarios > 10);
  BOOST_TEST(s.Get("runbooks/lync-ops.html").find("<p>RTO 36 h, RPO 1 day.") != std::string::npos);
  BOOST_TEST(s.Get("runbooks/storage.html").find("on time, with no spare time.") != std::string::npos);
  BOOST_TEST(s.Get("runbooks/storage.html").find("from the start to +3 h.") != std::string::npos);
}

// lync-ops.html printed by Chromium to PDF, on A4 and on Letter: the page count (34 A4 and 47
// Letter pages before this layout, at most half of each now), the paper size, a footer with the
// plan, its version, the role and "Page i of N" on every page, no URL, and every restoration
// scenario after the first at the top of its own page.
BOOST_AUTO_TEST_CASE(lync_ops_prints_on_half_the_pages_with_a_footer_on_each) {
  if (!HaveChromium() || !HavePoppler()) return;
  struct Want {
    Paper paper;
    const char* size;
    int most;
  };
  for (const Want& want : {Want{Paper::kA4, "(A4)", 17}, Want{Paper::kLetter, "(letter)", 23}}) {
    Sample s(nullptr, want.paper);
    const std::string& page = s.Get("runbooks/lync-ops.html");
    const TempDir tmp("plangen-emit-test");
    const fs::path dir = tmp.path;
    fs::path html = dir / "lync-ops.html", pdf = dir / "lync-ops.pdf";
    std::ofstream(html, std::ios::binary) << page;
    RunCapture(ChromiumCommand(dir) + " --no-pdf-header-footer --print-to-pdf=" + pdf.string() + " file://" +
               html.string() + " 2>/dev/null");
    std::string info = testing::PdfInfo(pdf.string());
    int pages = testing::PdfPages(info);
    BOOST_TEST_MESSAGE("lync-ops.html prints on " << pages << " " << PaperName(want.paper) << " pages");
    BOOST_TEST(pages > 0, info);
    BOOST_TEST(pages <= want.most, PaperName(want.paper) << ": " << pages << " pages");
    BOOST_TEST(info.find(want.size) != std::string::npos, info);
    std::string text = testing::PdfText(pdf.string());
    std::vector<std::string> texts;
    for (size_t at = 0, ff; (ff = text.find('\f', at)) != std::string::npos; at = ff + 1) texts.push_back(text.substr(at, ff - at));
    BOOST_TEST(static_cast<int>(texts.size()) == pages);
    const std::string footer = "Contoso Lync Server 2013 backup and restoration plan, version 4 \u00b7 Runbook: Lync Operations";
    for (size_t i = 0; i < texts.size(); ++i) {
      std::string t = Squeeze(texts[i]);
      BOOST_TEST(t.find(footer) != std::string::npos, "page " << i + 1 << ": " << t.substr(0, 300));
      BOOST_TEST(t.find("Page " + std::to_string(i + 1) + " of " + std::to_string(pages)) != std::string::npos,
                 "page " << i + 1);
      BOOST_TEST(t.find("file:") == std::string::npos, "page " << i + 1);
    }
    // Each scenario after the first opens a page; the pages between are its own.
    std::regex title("<div class=\"duty\" id=\"scenario-[^\"]+\">\n<h3>([^<]+)</h3>");
    int scenarios = 0;
    for (auto it = std::sregex_iterator(page.begin(), page.end(), title); it != std::sregex_iterator(); ++it) {
      if (scenarios++ == 0) continue;
      std::string want_title = (*it)[1];
      bool opens = std::any_of(texts.begin(), texts.end(),
                               [&](const std::string& t) { return Squeeze(t).rfind(want_title, 0) == 0; });
      BOOST_TEST(opens, want_title << " opens a page");
    }
    BOOST_TEST(scenarios > 5);
  }
}

// No word is broken across lines, on a desktop screen and on a phone, in every runbook, the
// checklist and the summary: Chromium lays each page out in a frame of that width and a script
// finds every word (a run of letters and digits) whose glyphs sit on more than one line.
BOOST_AUTO_TEST_CASE(no_word_breaks_in_the_middle_at_1280_and_390_px) {
  if (!HaveChromium()) return;
  std::vector<LayoutPage> pages;
  // The measure finds broken words when a page breaks anywhere, as the pages once did.
  std::string bad = TheSample().Get("checklists/validation.html");
  bad.replace(bad.find("</style>"), 0, "td { overflow-wrap: anywhere !important; width: 1em !important; }\n");
  pages.push_back({"anywhere", bad, 390});
  const Sample& s = TheSample();
  for (const auto& [path, html] : s.out.files()) {
    bool page = path == "summary.html" || path == "checklists/validation.html" ||
                (path.rfind("runbooks/", 0) == 0 && path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0);
    if (!page) continue;
    for (int width : {1280, 390}) pages.push_back({path + "@" + std::to_string(width), html, width});
  }
  std::map<std::string, Layout> layouts = MeasureLayouts(pages);
  BOOST_TEST(layouts["anywhere"].broken > 0, layouts["anywhere"].raw);
  int words = 0;
  for (const LayoutPage& p : pages) {
    if (p.label == "anywhere") continue;
    const Layout& l = layouts[p.label];
    BOOST_TEST_MESSAGE(p.label << " px: " << l.words << " words, " << l.broken << " broken, page " << l.scroll_width
                               << " px wide");
    BOOST_TEST(l.words > 100, p.label << ": " << l.raw);
    BOOST_TEST(l.broken == 0, p.label << ": " << l.raw);
    BOOST_TEST(l.scroll_width <= p.width, p.label << " fits its width, no sideways scrolling: " << l.raw);
    words += l.words;
  }
  BOOST_TEST_MESSAGE("words measured: " << words << " on " << pages.size() - 1 << " page layouts");
}

BOOST_AUTO_TEST_SUITE_END()
