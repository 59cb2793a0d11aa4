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
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  std::string path;
  TempDir() {
    char templ[] = "/tmp/plangen-hostile-test.XXXXXX";
    BOOST_REQUIRE(mkdtemp(templ));
    path = templ;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::string p = path + "/" + name;
    fs::create_directories(fs::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
};

struct Result {
  int exit = -1;  ///< exit status, or 128 + signal; -2 when it was killed for running too long
  std::string out, err;
};

std::string Binary() {
  std::error_code ec;
  std::string exe = (fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "plangen").string();
  if (const char* bin = std::getenv("PLANGEN_BIN")) exe = bin;
  return exe;
}

// Runs the plangen binary in `cwd` with `args`, stdout and stderr to files, killed after
// `seconds`. `env` entries are NAME=VALUE to set, or NAME alone to unset.
Result Run(const std::string& cwd, const std::vector<std::string>& args, int seconds = 60,
           const std::vector<std::string>& env = {}) {
  TempDir io;
  std::string out = io.path + "/out", err = io.path + "/err";
  pid_t pid = fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(120);
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int in = open("/dev/null", O_RDONLY);
    dup2(o, 1);
    dup2(e, 2);
    dup2(in, 0);
    setenv("NO_COLOR", "1", 1);
    for (const std::string& kv : env) {
      size_t eq = kv.find('=');
      if (eq == std::string::npos) unsetenv(kv.c_str());
      else setenv(kv.substr(0, eq).c_str(), kv.substr(eq + 1).c_str(), 1);
    }
    std::string bin = Binary();
    std::vector<char*> argv{const_cast<char*>(bin.c_str())};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(121);
  }
  Result r;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (true) {
    pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      r.exit = -2;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (r.exit != -2) r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  return r;
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

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen
