// Golden tests of the command line: every folder under tests/golden/cases/ holds `cmd` (one
// argument per line, run from the source root), `expected.stdout`, `expected.exit` and optionally
// `expected.stderr`. PLANGEN_UPDATE_GOLDEN=1 rewrites the expectations instead of comparing.
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;
namespace bdata = boost::unit_test::data;

namespace {

using plangen::testing::ReadAll;

std::vector<std::string> Cases() {
  std::vector<std::string> names;
  fs::path root = fs::path(plangen::testing::SourceRoot()) / "tests/golden/cases";
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.is_directory()) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  return out + "'";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden)

BOOST_DATA_TEST_CASE(command_line, bdata::make(Cases()), name) {
  const char* bin = std::getenv("PLANGEN_BIN");
  BOOST_REQUIRE_MESSAGE(bin, "PLANGEN_BIN is not set (meson sets it)");
  fs::path dir = fs::path(plangen::testing::SourceRoot()) / "tests/golden/cases" / name;
  std::istringstream cmd(ReadAll(dir / "cmd"));
  std::string line, command = Quote(bin);
  while (std::getline(cmd, line)) {
    if (!line.empty()) command += " " + Quote(line);
  }
  fs::path err_file = fs::temp_directory_path() / ("plangen-golden-" + std::to_string(getpid()) + ".err");
  command = "cd " + Quote(plangen::testing::SourceRoot()) + " && NO_COLOR=1 " + command + " 2>" + Quote(err_file.string());
  FILE* p = popen(command.c_str(), "r");
  BOOST_REQUIRE(p);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  std::string err = ReadAll(err_file);
  fs::remove(err_file);
  if (const char* u = std::getenv("PLANGEN_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(dir / "expected.stdout", std::ios::binary) << out;
    std::ofstream(dir / "expected.exit") << code << "\n";
    if (!err.empty() || fs::exists(dir / "expected.stderr")) std::ofstream(dir / "expected.stderr", std::ios::binary) << err;
    return;
  }
  BOOST_TEST(out == ReadAll(dir / "expected.stdout"));
  BOOST_TEST(std::to_string(code) + "\n" == ReadAll(dir / "expected.exit"));
  if (fs::exists(dir / "expected.stderr")) BOOST_TEST(err == ReadAll(dir / "expected.stderr"));
}

BOOST_AUTO_TEST_SUITE_END()
