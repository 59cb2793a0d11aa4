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
  /// A new, empty directory /tmp/`name`.XXXXXX.
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

  /// The path of `name` inside.
  std::filesystem::path operator/(const std::string& name) const { return std::filesystem::path(path) / name; }
  /// Writes `bytes` to `name` inside, making its folders, and returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::filesystem::path p = *this / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  /// The folder `name` inside, made when missing.
  std::string Dir(const std::string& name) const {
    std::filesystem::create_directories(*this / name);
    return (*this / name).string();
  }
};

inline std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Every regular file under `dir`: relative path -> bytes; empty when `dir` is not a directory.
inline std::map<std::string, std::string> Tree(const std::string& dir) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::is_directory(dir)) return files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[std::filesystem::relative(e.path(), dir).generic_string()] = ReadAll(e.path());
  }
  return files;
}

}  // namespace plangen::testing
