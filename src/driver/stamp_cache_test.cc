// The stamps that let a no-change build skip reading its outputs: trusted only for a file not
// touched since, written before the record, of the same record and folder.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "driver/build_record.h"
#include "driver/stamp_cache.h"
#include "temp_tree.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::TempDir;

// XDG_CACHE_HOME pointed at a folder of the test while it lives.
struct CacheHome {
  std::string before;
  bool had = false;
  explicit CacheHome(const std::string& dir) {
    if (const char* v = getenv("XDG_CACHE_HOME")) had = true, before = v;
    setenv("XDG_CACHE_HOME", dir.c_str(), 1);
  }
  ~CacheHome() { had ? setenv("XDG_CACHE_HOME", before.c_str(), 1) : unsetenv("XDG_CACHE_HOME"); }
};

struct stat Lstat(const std::string& p) {
  struct stat st {};
  BOOST_REQUIRE(lstat(p.c_str(), &st) == 0);
  return st;
}

int64_t ChangeTime(const std::string& p) {
  const struct stat st = Lstat(p);
  return static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
}

// Writes the record of `dir` until its change time is past `after` (a later clock tick).
void WriteRecordAfter(const std::string& dir, int64_t after) {
  const std::string record = dir + "/" + kBuildRecord;
  for (int i = 0; i < 400; ++i) {
    std::ofstream(record, std::ios::binary) << "{}";
    if (ChangeTime(record) > after) return;
    usleep(5000);
  }
  BOOST_FAIL("the clock did not move in two seconds");
}

// A folder with one file, a record written after it, and the file's stamp saved with a record
// SHA-256 of "aaa...".
struct SavedTree {
  TempDir tmp;
  CacheHome home{tmp.path + "/cache"};
  std::string dir = tmp.Dir("out"), file = tmp.Write("out/a.txt", "abcdef");
  SavedTree() {
    WriteRecordAfter(dir, ChangeTime(file));
    StampCache made;
    made.Add("a.txt", file);
    made.Save(dir, std::string(64, 'a'));
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(stamp_cache)

BOOST_AUTO_TEST_CASE(an_untouched_file_is_trusted_and_an_edit_with_its_time_put_back_is_not) {
  const SavedTree t;
  const std::string &dir = t.dir, &file = t.file;
  BOOST_TEST(fs::exists(StampCacheFile(dir)));

  StampCache loaded = StampCache::Load(dir, std::string(64, 'a'));
  BOOST_TEST(loaded.size() == 1u);
  BOOST_TEST(loaded.Unchanged("a.txt", Lstat(file)));
  BOOST_TEST(!loaded.Unchanged("b.txt", Lstat(file)));
  // Same size, same modification time, other bytes: the change time gives it away.
  const struct stat before = Lstat(file);
  std::ofstream(file, std::ios::binary) << "abcdeX";
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  BOOST_REQUIRE(utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
  BOOST_TEST(!loaded.Unchanged("a.txt", Lstat(file)));
}

BOOST_AUTO_TEST_CASE(stamps_of_another_record_or_folder_or_a_touched_record_are_not_used) {
  const SavedTree t;
  const std::string &dir = t.dir, &file = t.file;
  BOOST_TEST(StampCache::Load(dir, std::string(64, 'a')).size() == 1u);
  BOOST_TEST(StampCache::Load(dir, std::string(64, 'b')).size() == 0u);
  BOOST_TEST(StampCache::Load(t.tmp.Dir("other"), std::string(64, 'a')).size() == 0u);
  // A damaged cache is no cache.
  std::string text;
  {
    std::ifstream in(StampCacheFile(dir), std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::ofstream(StampCacheFile(dir), std::ios::binary) << text.substr(0, text.size() - 9) << "x y\n";
  BOOST_TEST(StampCache::Load(dir, std::string(64, 'a')).size() == 0u);
  std::ofstream(StampCacheFile(dir), std::ios::binary) << text;
  BOOST_TEST(StampCache::Load(dir, std::string(64, 'a')).size() == 1u);
  // The record written again (even with the same bytes): the stamps were taken with another.
  WriteRecordAfter(dir, ChangeTime(dir + "/" + kBuildRecord));
  BOOST_TEST(StampCache::Load(dir, std::string(64, 'a')).size() == 0u);
}

BOOST_AUTO_TEST_CASE(a_file_changed_in_the_tick_of_the_record_or_after_is_not_trusted) {
  TempDir tmp;
  CacheHome home(tmp.path + "/cache");
  const std::string dir = tmp.Dir("out");
  std::ofstream(dir + "/" + kBuildRecord, std::ios::binary) << "{}";
  // Written after the record (or in its clock tick): an edit right after its stamp was taken
  // could leave the change time as it is.
  const std::string file = tmp.Write("out/a.txt", "abcdef");
  BOOST_REQUIRE(ChangeTime(file) >= ChangeTime(dir + "/" + kBuildRecord));
  StampCache made;
  made.Add("a.txt", file);
  made.Save(dir, std::string(64, 'a'));
  StampCache loaded = StampCache::Load(dir, std::string(64, 'a'));
  BOOST_TEST(loaded.size() == 1u);
  BOOST_TEST(!loaded.Unchanged("a.txt", Lstat(file)));
}

BOOST_AUTO_TEST_CASE(without_a_cache_folder_nothing_is_saved_or_trusted) {
  TempDir tmp;
  const char* xdg = getenv("XDG_CACHE_HOME");
  const char* home = getenv("HOME");
  const std::string saved_xdg = xdg ? xdg : "", saved_home = home ? home : "";
  unsetenv("XDG_CACHE_HOME");
  unsetenv("HOME");
  BOOST_TEST(StampCacheFile(tmp.path).empty());
  StampCache none = StampCache::Load(tmp.path, std::string(64, 'a'));
  BOOST_TEST(none.size() == 0u);
  none.Save(tmp.path, std::string(64, 'a'));  // does nothing, and does not fail
  if (xdg) setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
  if (home) setenv("HOME", saved_home.c_str(), 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen
