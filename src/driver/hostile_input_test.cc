// The plangen binary against inputs a careless or hostile user gives it: text that is not
// UTF-8 once decoded, special files, huge lines, control characters. Whatever the input, the
// answer is a located diagnostic and exit 1 or 2: never exit 3, a crash or a hang.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include <zip.h>

#include "diag/printers.h"
#include "load/xml_input.h"
#include "plangen_process.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::TempDir;
using testing::ReadAll;

using Result = ProcessResult;

Result Run(const std::string& cwd, const std::vector<std::string>& args, int seconds = 60,
           const std::vector<std::string>& env = {}) {
  return RunPlangen(cwd, args, seconds, env);
}

const char* kHead = "<plan xmlns=\"urn:plangen:plan:1\" id=\"p\" version=\"1\" profile=\"lync-server-2013\">\n";

std::string Plan(const std::string& title) { return std::string(kHead) + "  <title>" + title + "</title>\n</plan>\n"; }

bool IsJson(const std::string& s) {
  try {
    return !nlohmann::json::parse(s).is_discarded();
  } catch (const std::exception&) {
    return false;
  }
}


// A zip of one member that inflates about a thousand times: 16 MiB of one letter.
std::string BombZip(const std::string& dir, const std::string& member) {
  std::string zip = dir + "/bomb.zip";
  static const std::string kData(16u << 20, 'a');
  int code = 0;
  zip_t* za = zip_open(zip.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  BOOST_REQUIRE(za);
  static const char kManifest[] = "x";
  BOOST_REQUIRE(zip_file_add(za, "MANIFEST", zip_source_buffer(za, kManifest, 1, 0), 0) >= 0);
  BOOST_REQUIRE(zip_file_add(za, member.c_str(), zip_source_buffer(za, kData.data(), kData.size(), 0), 0) >= 0);
  BOOST_REQUIRE(zip_close(za) == 0);
  return zip;
}


}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_input)

BOOST_AUTO_TEST_CASE(surrogate_and_non_character_references_are_located_errors) {
  TempDir t;
  struct Case {
    const char* ref;
    const char* why;
  } cases[] = {{"&#xD800;", "a UTF-16 surrogate"},
               {"&#56320;", "a UTF-16 surrogate"},
               {"&#xFFFE;", "a Unicode non-character"},
               {"&#xFDD0;", "a Unicode non-character"},
               {"&#x1B;", "a control character"},
               {"&#0;", "NUL"},
               {"&#x110000;", "a number past the last Unicode code point"}};
  for (const Case& c : cases) {
    t.Write("plan.xml", Plan(std::string("x") + c.ref));
    Result r = Run(t.path, {"check", "plan.xml", "--as-of", "2026-12-01"});
    BOOST_TEST_INFO(c.ref);
    BOOST_TEST(r.exit == 1);
    BOOST_TEST(r.out.find(std::string("plan.xml:2:11: error: character reference '") + c.ref + "' names " + c.why +
                          ", not a character XML text may hold [PG1003]") == 0);
    for (const char* format : {"json", "sarif"}) {
      Result j = Run(t.path, {"check", "plan.xml", "--as-of", "2026-12-01", "--format", format});
      BOOST_TEST(j.exit == 1);
      BOOST_TEST(IsJson(j.out));
      BOOST_TEST(j.err.find("internal error") == std::string::npos);
    }
  }
  // In a comment or CDATA the same text is not a reference, and a valid one is fine.
  t.Write("plan.xml", std::string(kHead) + "  <!-- &#xD800; -->\n  <title><![CDATA[&#xD800;]]> &#x41;</title>\n</plan>\n");
  Result ok = Run(t.path, {"check", "plan.xml", "--as-of", "2026-12-01"});
  BOOST_TEST(ok.out.find("PG1003") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(surrogate_in_build_is_a_finding_not_an_internal_error) {
  TempDir t;
  t.Write("plan.xml", Plan("&#xDFFF;"));
  Result r = Run(t.path, {"build", "plan.xml", "--as-of", "2026-12-01", "-o", "out"});
  BOOST_TEST(r.exit == 1);
  BOOST_TEST(r.out.find("[PG1003]") != std::string::npos);
  BOOST_TEST(r.err.find("internal error") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_byte_in_the_encoding_name_is_shown_escaped) {
  TempDir t;
  t.Write("plan.xml", "<?xml version=\"1.0\" encoding=\"utf-\xFF\x1B\"?>\n" + Plan("T"));
  Result r = Run(t.path, {"check", "plan.xml", "--as-of", "2026-12-01"});
  BOOST_TEST(r.exit == 1);
  BOOST_TEST(r.out.find("plan.xml:1:1: error: unsupported encoding 'utf-\\xFF\\x1B'; save the file as UTF-8 or UTF-16 "
                        "[PG1003]") == 0);
  for (const char* format : {"json", "sarif"}) {
    Result j = Run(t.path, {"check", "plan.xml", "--as-of", "2026-12-01", "--format", format});
    BOOST_TEST(j.exit == 1);
    BOOST_TEST(IsJson(j.out));
  }
}

BOOST_AUTO_TEST_CASE(surrogate_in_a_worksheet_or_topology_is_located) {
  TempDir t;
  std::string root = testing::SourceRoot();
  t.Write("sheet.xml",
          "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
          "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
          "<Worksheet ss:Name=\"Backups\"><Table><Row><Cell><Data ss:Type=\"String\">&#xD83D;</Data></Cell></Row>"
          "</Table></Worksheet></Workbook>\n");
  for (const char* format : {"text", "json", "sarif"}) {
    Result r = Run(t.path, {"check", root + "/samples/contoso/plan.xml", "--as-of", "2026-12-01", "--worksheets",
                            "sheet.xml", "--format", format});
    BOOST_TEST(r.exit != 3);
    BOOST_TEST(r.exit != 0);
    BOOST_TEST(r.err.find("internal error") == std::string::npos);
    if (std::string(format) == "text")
      BOOST_TEST(r.out.find("sheet.xml:3:") != std::string::npos);
    else
      BOOST_TEST(IsJson(r.out));
  }
  t.Write("topo.tbxml", "<?xml version=\"1.0\"?>\n<Topology>&#xDC00;</Topology>\n");
  Result r = Run(t.path, {"check", root + "/samples/contoso/plan.xml", "--as-of", "2026-12-01", "--topology",
                          "topo.tbxml", "--format", "json"});
  BOOST_TEST(r.exit != 3);
  BOOST_TEST(IsJson(r.out));
  BOOST_TEST(r.out.find("character reference '&#xDC00;'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(verify_json_survives_member_names_that_are_not_utf8) {
  TempDir t;
  std::string zip = t.path + "/p.zip";
  // Written with libzip itself: plangen's own writer refuses such a name.
  int code = 0;
  zip_t* za = zip_open(zip.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  BOOST_REQUIRE(za);
  static const char kData[] = "x";
  for (const char* name : {"MANIFEST", "a\xFF\xFE.txt"}) {
    zip_source_t* src = zip_source_buffer(za, kData, 1, 0);
    BOOST_REQUIRE(zip_file_add(za, name, src, ZIP_FL_ENC_RAW) >= 0);
  }
  BOOST_REQUIRE(zip_close(za) == 0);
  Result r = Run(t.path, {"verify", "p.zip", "--format", "json"});
  BOOST_TEST(r.exit != 3);
  BOOST_TEST(r.exit != 0);
  BOOST_TEST(IsJson(r.out));
  BOOST_TEST(r.err.find("internal error") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(excerpt_is_a_window_around_the_caret) {
  SourceManager sm;
  DiagEngine diags(sm);
  XmlDocument doc;
  std::string line = "<a>" + std::string(5000, 'x') + "</b>";
  BOOST_TEST(!ParseXml("in.xml", line, &doc, sm, diags));
  BOOST_REQUIRE(diags.Sorted().size() == 1u);
  BOOST_TEST(FormatText(diags, *diags.Sorted()[0]) ==
             "in.xml:1:5006: error: malformed XML: start-end tags mismatch [PG1001]\n"
             "..." + std::string(158, 'x') + "</b>\n" +
             std::string(163, ' ') + "^\n");
  // Clipped on the right too, and a short line is shown whole.
  SourceManager sm2;
  DiagEngine d2(sm2);
  XmlDocument doc2;
  BOOST_TEST(!ParseXml("in.xml", "<a>&#xD800;" + std::string(400, 'y') + "</a>", &doc2, sm2, d2));
  BOOST_TEST(FormatText(d2, *d2.Sorted()[0]) ==
             "in.xml:1:4: error: character reference '&#xD800;' names a UTF-16 surrogate, not a character XML text "
             "may hold [PG1003]\n"
             "<a>&#xD800;" + std::string(312, 'y') + "...\n"
             "   ^\n");
}

BOOST_AUTO_TEST_CASE(control_characters_from_the_input_are_escaped) {
  SourceManager sm;
  DiagEngine diags(sm);
  XmlDocument doc;
  BOOST_TEST(!ParseXml("in.xml", "<a x=\"\x1B[2J\x07\">\t<b></a>", &doc, sm, diags));
  std::string text = FormatText(diags, *diags.Sorted()[0]);
  BOOST_TEST(text ==
             "in.xml:1:20: error: malformed XML: start-end tags mismatch [PG1001]\n"
             "<a x=\"\\x1B[2J\\x07\">\t<b></a>\n"
             "                   \t     ^\n");
  BOOST_TEST(text.find('\x1B') == std::string::npos);
  BOOST_TEST(text.find('\x07') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(hundred_megabyte_line_prints_a_short_excerpt) {
  TempDir t;
  {
    std::ofstream f(t.path + "/plan.xml", std::ios::binary);
    f << kHead << "  <title>";
    std::string chunk(1 << 20, 'z');
    for (int i = 0; i < 100; ++i) f << chunk;
    f << "</titel>\n</plan>\n";
  }
  Result r = Run(t.path, {"check", "plan.xml", "--as-of", "2026-12-01"});
  BOOST_TEST(r.exit == 1);
  BOOST_TEST(r.out.size() < 2000u);
  BOOST_TEST(r.out.find("[PG1001]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_and_sarif_printers_replace_text_that_is_not_utf8) {
  SourceManager sm;
  DiagEngine diags(sm);
  int32_t f = sm.AddFile("bad\xFF.xml", "", false);
  diags.Report(DiagId::err_file_unreadable, Loc::At(f, 0), {"bad\xFF.xml", "why \xC3"});
  std::ostringstream json, sarif;
  BOOST_CHECK_NO_THROW(PrintJson(diags, json));
  BOOST_CHECK_NO_THROW(PrintSarif(diags, sarif, "test"));
  BOOST_TEST(IsJson(json.str()));
  BOOST_TEST(IsJson(sarif.str()));
  BOOST_TEST(json.str().find("bad\xEF\xBF\xBD.xml") != std::string::npos);  // U+FFFD
}


BOOST_AUTO_TEST_CASE(special_files_are_refused_wherever_an_input_path_is_accepted) {
  TempDir t;
  std::string root = testing::SourceRoot();
  std::string sample = root + "/samples/contoso/plan.xml";
  BOOST_REQUIRE(mkfifo((t.path + "/pipe").c_str(), 0600) == 0);
  // The plan's own <topology file="..."> naming a FIFO.
  std::string plan = ReadAll(sample);
  size_t at = plan.find("<topology>");
  BOOST_REQUIRE(at != std::string::npos);
  plan.replace(at, 10, "<topology file=\"pipe\">");
  t.Write("plan.xml", plan);
  Result r = Run(t.path, {"check", "plan.xml", "--as-of", "2026-12-01"}, 30);
  BOOST_TEST(r.exit == 2);
  BOOST_TEST(r.out.find("pipe: error: cannot read 'pipe': it is a FIFO, not a regular file [PG0001]") !=
             std::string::npos);
  struct Case {
    std::vector<std::string> args;
    std::string expect;
  } cases[] = {
      {{"check", "pipe"}, "cannot read 'pipe': it is a FIFO, not a regular file"},
      {{"check", sample, "--topology", "/dev/zero"}, "cannot read '/dev/zero': it is a device, not a regular file"},
      {{"check", sample, "--topology", "pipe"}, "it is a FIFO"},
      {{"check", sample, "--worksheets", "pipe"}, "it is a FIFO"},
      {{"check", sample, "--worksheets", "/dev/zero"}, "it is a device"},
      {{"verify", "pipe"}, "it is a FIFO"},
      {{"verify", "/dev/zero"}, "it is a device"},
      {{"init", "newplan", "--topology", "pipe"}, "it is a FIFO"},
      {{"build", sample, "--as-of", "2026-12-01", "-o", "out", "--sign", "pipe"}, "it is a FIFO"},
  };
  for (const Case& c : cases) {
    Result x = Run(t.path, c.args, 30);
    BOOST_TEST_INFO(c.args[0] << " " << c.args.back());
    BOOST_TEST(x.exit != -2);  // never a hang
    BOOST_TEST((x.exit == 1 || x.exit == 2));
    BOOST_TEST((x.out + x.err).find(c.expect) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_template_that_is_a_fifo_is_not_waited_on) {
  TempDir t;
  std::string root = testing::SourceRoot();
  fs::create_directories(t.path + "/tmpl/runbook");
  BOOST_REQUIRE(mkfifo((t.path + "/tmpl/runbook/runbook.md.mustache").c_str(), 0600) == 0);
  Result r = Run(t.path, {"build", root + "/samples/contoso/plan.xml", "--as-of", "2026-12-01", "--quiet", "-o", "out",
                          "--templates", "tmpl"},
                 120);
  BOOST_TEST(r.exit != -2);
  BOOST_TEST(r.exit != 3);
}

BOOST_AUTO_TEST_CASE(builds_need_no_temporary_directory_and_leave_nothing_in_it) {
  TempDir t;
  std::string root = testing::SourceRoot();
  std::string plan = root + "/samples/contoso/plan.xml";
  Result missing = Run(t.path, {"build", plan, "--as-of", "2026-12-01", "--quiet", "-o", "a"}, 120,
                       {"TMPDIR=" + t.path + "/does-not-exist"});
  BOOST_TEST(missing.exit == 0);
  BOOST_TEST(missing.err.find("internal error") == std::string::npos);
  BOOST_TEST(fs::exists(t.path + "/a/checklists/validation.xlsx"));
  // Killed at several moments of a build, nothing is left in $TMPDIR.
  fs::create_directories(t.path + "/tmp");
  for (int ms : {150, 300, 600, 1200}) {
    pid_t pid = fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
      if (chdir(t.path.c_str()) != 0) _exit(120);
      setenv("TMPDIR", (t.path + "/tmp").c_str(), 1);
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      std::string bin = PlangenBinary();
      execl(bin.c_str(), bin.c_str(), "build", plan.c_str(), "--as-of", "2026-12-01", "--quiet", "-o", "b",
            (char*)nullptr);
      _exit(121);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
  }
  size_t left = 0;
  for (const auto& e : fs::directory_iterator(t.path + "/tmp")) {
    BOOST_TEST_MESSAGE("left in TMPDIR: " << e.path());
    ++left;
  }
  BOOST_TEST(left == 0u);
  // What the killed builds left beside the output (their staging and scratch directories) is
  // removed by the next build, which leaves nothing there of its own.
  Result next = Run(t.path, {"build", plan, "--as-of", "2026-12-01", "--quiet", "-o", "b"}, 120,
                    {"TMPDIR=" + t.path + "/tmp"});
  BOOST_TEST(next.exit == 0);
  for (const auto& e : fs::directory_iterator(t.path)) {
    BOOST_TEST(e.path().filename().string().find("plangen-staging") == std::string::npos, e.path());
  }
}

BOOST_AUTO_TEST_CASE(init_never_follows_a_planted_link) {
  TempDir t;
  fs::create_directories(t.path + "/newplan");
  t.Write("victim.txt", "keep me");
  fs::create_symlink(t.path + "/victim.txt", t.path + "/newplan/plan.xml.plangen-tmp");
  Result r = Run(t.path, {"init", "newplan"}, 60);
  BOOST_TEST(r.exit == 0);
  BOOST_TEST(ReadAll(t.path + "/victim.txt") == "keep me");
  BOOST_TEST(ReadAll(t.path + "/newplan/plan.xml").find("<plan") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(verify_refuses_a_symbolic_link_member) {
  TempDir t;
  std::string zip = t.path + "/p.zip";
  int code = 0;
  zip_t* za = zip_open(zip.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  BOOST_REQUIRE(za);
  static const char kManifest[] = "x";
  static const char kTarget[] = "/etc/passwd";
  zip_int64_t m = zip_file_add(za, "MANIFEST", zip_source_buffer(za, kManifest, 1, 0), 0);
  zip_int64_t l = zip_file_add(za, "outputs/link", zip_source_buffer(za, kTarget, sizeof kTarget - 1, 0), 0);
  BOOST_REQUIRE((m >= 0 && l >= 0));
  BOOST_REQUIRE(zip_file_set_external_attributes(za, static_cast<zip_uint64_t>(l), 0, ZIP_OPSYS_UNIX,
                                                 (0120777u << 16)) == 0);
  BOOST_REQUIRE(zip_close(za) == 0);
  Result r = Run(t.path, {"verify", "p.zip"});
  BOOST_TEST(r.exit != 0);
  BOOST_TEST(r.out.find("outputs/link") != std::string::npos);
  BOOST_TEST(r.out.find("it is a symbolic link, not a file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(validation_checklist_keeps_ooxml_escape_text_literal) {
  TempDir t;
  std::string root = testing::SourceRoot();
  std::string plan = ReadAll(root + "/samples/contoso/plan.xml");
  const std::string title = "title=\"Backups ran as scheduled\"";
  size_t at = plan.find(title);
  BOOST_REQUIRE(at != std::string::npos);
  plan.replace(at, title.size(), "title=\"Backups ran _x0041_ as scheduled\"");
  t.Write("plan.xml", plan);
  // The plan's digest changes with its text, so approvals no longer match: a draft is enough here.
  Result r = Run(t.path, {"build", "plan.xml", "--as-of", "2026-12-01", "--quiet", "--draft", "-o", "out"}, 120);
  BOOST_REQUIRE(fs::exists(t.path + "/out/checklists/validation.xlsx"));
  std::string xlsx = ReadAll(t.path + "/out/checklists/validation.xlsx");
  int code = 0;
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &ze);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &ze);
  BOOST_REQUIRE(za);
  (void)code;
  std::string strings;
  zip_stat_t st;
  BOOST_REQUIRE(zip_stat(za, "xl/sharedStrings.xml", 0, &st) == 0);
  strings.resize(st.size);
  zip_file_t* f = zip_fopen(za, "xl/sharedStrings.xml", 0);
  BOOST_REQUIRE(f);
  BOOST_REQUIRE(zip_fread(f, strings.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_fclose(f);
  zip_discard(za);
  zip_error_fini(&ze);
  BOOST_TEST(strings.find("Backups ran _x005F_x0041_ as scheduled") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(output_directories_follow_the_umask) {
  std::string root = testing::SourceRoot();
  for (mode_t mask : {mode_t(077), mode_t(022)}) {
    TempDir t;
    pid_t pid = fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
      umask(mask);
      if (chdir(t.path.c_str()) != 0) _exit(120);
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, 1);
      dup2(devnull, 2);
      std::string bin = PlangenBinary(), plan = root + "/samples/contoso/plan.xml";
      execl(bin.c_str(), bin.c_str(), "build", plan.c_str(), "--as-of", "2026-12-01", "--quiet", "-o", "out",
            (char*)nullptr);
      _exit(121);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    BOOST_REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    auto mode = [](const std::string& p) {
      struct stat st;
      return stat(p.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0xFFFFu;
    };
    BOOST_TEST_INFO("umask " << std::oct << mask);
    BOOST_TEST(mode(t.path + "/out") == (0777 & ~mask));
    BOOST_TEST(mode(t.path + "/out/checklists") == (0777 & ~mask));
    BOOST_TEST(mode(t.path + "/out/checklists/validation.xlsx") == (0666 & ~mask));
    BOOST_TEST(mode(t.path + "/out/audit") == (0777 & ~mask));
  }
}

BOOST_AUTO_TEST_CASE(zip_bombs_are_refused_by_the_workbook_reader_and_verify) {
  TempDir t;
  std::string root = testing::SourceRoot();
  std::string xlsx = BombZip(t.path, "xl/worksheets/sheet1.xml");
  BOOST_TEST(fs::file_size(xlsx) < 100000u);
  fs::rename(xlsx, t.path + "/bomb.xlsx");
  Result r = Run(t.path, {"check", root + "/samples/contoso/plan.xml", "--as-of", "2026-12-01", "--worksheets",
                          "bomb.xlsx"});
  BOOST_TEST(r.exit != 0);
  BOOST_TEST(r.exit != 3);
  BOOST_TEST(r.out.find("bomb.xlsx: error: entry 'xl/worksheets/sheet1.xml' cannot be read: it declares 16777216 bytes") !=
             std::string::npos);
  BOOST_TEST(r.out.find("a zip bomb, not a workbook [PG4026]") != std::string::npos);
  BombZip(t.path, "outputs/big.txt");
  Result v = Run(t.path, {"verify", "bomb.zip"});
  BOOST_TEST(v.exit != 0);
  BOOST_TEST(v.exit != 3);
  BOOST_TEST(v.out.find("outputs/big.txt") != std::string::npos);
  BOOST_TEST(v.out.find("a zip bomb, not a package member") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen
