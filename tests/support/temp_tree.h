// A temporary directory removed with its contents at the end of a test, and the files of a tree
// read back, for the tests that run plangen on disk.
#pragma once

#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace plangen::testing {

struct TempDir {
  std::string path;
  explicit TempDir(const std::string& name = "plangen-test") {
    std::string templ = "/tmp/" + name + ".XXXXXX";
    BOOST_REQUIRE(mkdtemp(templ.data()));
    path = templ;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Every regular file under `dir`: relative path -> bytes.
inline std::map<std::string, std::string> Tree(const std::string& dir) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::is_directory(dir)) return files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[std::filesystem::relative(e.path(), dir).generic_string()] = ReadAll(e.path());
  }
  return files;
}

}  // namespace plangen::testing
