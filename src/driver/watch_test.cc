// check --watch and build --watch, run as a user runs them: a child process that prints a full
// report, sleeps until an input changes, prints what changed, and ends with status 0 on SIGINT or
// SIGTERM. Every wait has a time limit, and the child is killed when the test ends.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "driver/watch.h"
#include "plangen_process.h"
#include "temp_tree.h"
#include "test_paths.h"

using namespace plangen;
namespace fs = std::filesystem;

namespace {

using plangen::testing::TempDir;
using plangen::testing::ReadAll;

// Replaces a file as editors do: a new file renamed over the old one.
void ReplaceFile(const fs::path& p, const std::string& text) {
  fs::path tmp = p.parent_path() / (".~" + p.filename().string());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
  }
  fs::rename(tmp, p);
}

// plangen running in the background, its stdout read through a pipe.
class Child {
 public:
  Child(const fs::path& cwd, const std::vector<std::string>& args) {
    int out[2];
    BOOST_REQUIRE(pipe2(out, O_CLOEXEC) == 0);
    std::string bin = PlangenBinary();
    pid_ = fork();
    BOOST_REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      dup2(out[1], 1);
      int null = open("/dev/null", O_RDWR);
      dup2(null, 0);
      dup2(null, 2);
      if (chdir(cwd.c_str()) != 0) _exit(127);
      setenv("NO_COLOR", "1", 1);
      std::vector<char*> argv{const_cast<char*>(bin.c_str())};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(bin.c_str(), argv.data());
      _exit(127);
    }
    close(out[1]);
    fd_ = out[0];
  }
  ~Child() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
  }
  pid_t pid() const { return pid_; }

  // Reads until a line contains `what`; false after `seconds` without one. Returns the text read.
  bool WaitFor(const std::string& what, int seconds, std::string* seen = nullptr) {
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (true) {
      size_t at = text_.find(what, scanned_);
      if (at != std::string::npos) {
        size_t eol = text_.find('\n', at);
        if (eol != std::string::npos) {
          if (seen) *seen = text_.substr(scanned_, eol + 1 - scanned_);
          scanned_ = eol + 1;
          return true;
        }
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now()).count();
      if (left <= 0) return false;
      struct pollfd p = {fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left)) <= 0) return false;
      char buf[4096];
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) return false;  // the child ended
      text_.append(buf, static_cast<size_t>(n));
    }
  }
  const std::string& text() const { return text_; }

  // Sends `sig` and waits up to `seconds` for the exit; the exit status, or -1 when it did not end.
  int Stop(int sig, int seconds) {
    kill(pid_, sig);
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < end) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

  // CPU time used so far (utime + stime, in clock ticks) and the scheduler state, from /proc.
  bool Usage(long* ticks, char* state) const {
    std::string stat = ReadAll("/proc/" + std::to_string(pid_) + "/stat");
    size_t paren = stat.rfind(')');
    if (paren == std::string::npos) return false;
    std::istringstream in(stat.substr(paren + 2));
    std::string field;
    std::vector<std::string> f;
    while (in >> field) f.push_back(field);
    if (f.size() < 13) return false;
    *state = f[0][0];                               // field 3
    *ticks = std::stol(f[11]) + std::stol(f[12]);  // fields 14 and 15
    return true;
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string text_;
  size_t scanned_ = 0;
};

fs::path CopySample(const TempDir& d) {
  fs::path dir = d / "contoso";
  fs::copy(testing::SourceRoot() + "/samples/contoso", dir, fs::copy_options::recursive);
  return dir;
}

// The sample with the Response Group backup's retention changed: both approvals become stale.
std::string Changed(std::string plan) {
  const std::string from = "id=\"red-rgs\" item=\"rgsconfig\" server=\"sql01.contoso.com\" owner=\"lync-ops\" schedule=\"daily 00:30\" retention=\"P90D\"";
  size_t at = plan.find(from);
  BOOST_REQUIRE(at != std::string::npos);
  plan.replace(at + from.size() - 4, 2, "60");
  return plan;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(watch)

BOOST_AUTO_TEST_CASE(finding_changes_ignore_lines_and_count_repeats) {
  std::vector<std::string> before = {"plan.xml:3:5: error: a [PG1]", "plan.xml:9:1: warning: b [PG2]",
                                     "plan.xml:12:1: note: c [PG3]", "plan.xml:14:1: note: c [PG3]"};
  std::vector<std::string> after = {"plan.xml:4:5: error: a [PG1]", "plan.xml:13:1: note: c [PG3]",
                                    "part.xml:2:2: error: d [PG4]", "Book.xlsx!B3: error: e [PG5]"};
  std::vector<std::string> want = {"+ part.xml:2:2: error: d [PG4]", "+ Book.xlsx!B3: error: e [PG5]",
                                   "- plan.xml:9:1: warning: b [PG2]", "- plan.xml:14:1: note: c [PG3]"};
  BOOST_TEST(FindingChanges(before, after) == want, boost::test_tools::per_element());
  BOOST_TEST(FindingChanges(after, after).empty());
  BOOST_TEST(FindingKey("plan.xml:4:5: error: a [PG1]") == "plan.xml|error: a [PG1]");
}

BOOST_AUTO_TEST_CASE(check_watch_prints_the_new_finding_and_ends_on_sigint) {
  TempDir d;
  fs::path dir = CopySample(d);
  Child child(dir, {"check", "plan.xml", "--as-of", "2026-12-01", "--watch"});
  std::string first;
  BOOST_TEST_REQUIRE(child.WaitFor("for changes (Ctrl-C stops)", 60, &first), child.text());
  BOOST_TEST(first.find("no findings") != std::string::npos, first);  // the full first report
  ReplaceFile(dir / "plan.xml", Changed(ReadAll(dir / "plan.xml")));
  std::string seen;
  BOOST_TEST_REQUIRE(child.WaitFor("[PG2303]", 60, &seen), child.text());
  BOOST_TEST(seen.find("plangen check: plan.xml changed; 2 new findings, 0 gone") != std::string::npos, seen);
  BOOST_TEST(seen.find("+ plan.xml:") != std::string::npos, seen);
  // Only what changed: the source lines and carets of the full report are not printed again.
  BOOST_TEST(seen.find("^") == std::string::npos, seen);
  // Back as it was: the findings go away.
  ReplaceFile(dir / "plan.xml", ReadAll(testing::SourceRoot() + "/samples/contoso/plan.xml"));
  BOOST_TEST_REQUIRE(child.WaitFor("0 new findings, 2 gone", 60, &seen), child.text());
  BOOST_TEST(child.Stop(SIGINT, 20) == 0);
}

BOOST_AUTO_TEST_CASE(check_watch_sleeps_while_nothing_changes_and_ends_on_sigterm) {
  TempDir d;
  fs::path dir = CopySample(d);
  Child child(dir, {"check", "plan.xml", "--as-of", "2026-12-01", "--watch"});
  BOOST_TEST_REQUIRE(child.WaitFor("for changes (Ctrl-C stops)", 60), child.text());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  long before = 0, after = 0;
  char state = '?';
  BOOST_TEST_REQUIRE(child.Usage(&before, &state));
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  BOOST_TEST_REQUIRE(child.Usage(&after, &state));
  BOOST_TEST(after == before, "CPU ticks grew from " << before << " to " << after << " while idle");
  BOOST_TEST(state == 'S');  // asleep in poll()
  // A file beside the plan that plangen does not read starts no run.
  { std::ofstream(dir / "notes.txt") << "x"; }
  BOOST_TEST(!child.WaitFor("changed;", 1));
  BOOST_TEST(child.Stop(SIGTERM, 20) == 0);
}

BOOST_AUTO_TEST_CASE(build_watch_builds_again_after_a_change) {
  TempDir d;
  fs::path dir = CopySample(d);
  Child child(dir, {"build", "plan.xml", "--as-of", "2026-12-01", "-o", "out", "--watch"});
  BOOST_TEST_REQUIRE(child.WaitFor("for changes (Ctrl-C stops)", 120), child.text());
  BOOST_TEST(fs::exists(dir / "out" / "index.html"));
  // A plan with errors is not built: the outputs stay as they were.
  ReplaceFile(dir / "plan.xml", Changed(ReadAll(dir / "plan.xml")));
  std::string seen;
  BOOST_TEST_REQUIRE(child.WaitFor("nothing written to out", 120, &seen), child.text());
  BOOST_TEST(seen.find("[PG2303]") != std::string::npos, seen);
  // Back as it was when out was built: out is up to date, nothing is written.
  ReplaceFile(dir / "plan.xml", ReadAll(testing::SourceRoot() + "/samples/contoso/plan.xml"));
  BOOST_TEST_REQUIRE(child.WaitFor("nothing changed since the last build; out is up to date", 120, &seen), child.text());
  // Another change that builds: written.
  ReplaceFile(dir / "plan.xml", ReadAll(testing::SourceRoot() + "/samples/contoso/plan.xml") + "<!-- reviewed -->\n");
  BOOST_TEST_REQUIRE(child.WaitFor("outputs written to out", 120, &seen), child.text());
  BOOST_TEST(child.Stop(SIGINT, 20) == 0);
}

BOOST_AUTO_TEST_CASE(watch_refuses_json) {
  TempDir d;
  ProcessResult r = RunPlangen(d.path, {"check", "plan.xml", "--watch", "--format", "json"});
  BOOST_TEST(r.exit == 2);
  BOOST_TEST(r.err.find("--watch prints text") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE_END()
