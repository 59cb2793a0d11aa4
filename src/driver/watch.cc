#include "driver/watch.h"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace plangen {

std::string FindingKey(const std::string& line) {
  // "file:line:col: severity: message [CODE]" -> "file|severity: message [CODE]"
  size_t sev = line.find(": ");
  if (sev == std::string::npos) return line;
  std::string where = line.substr(0, sev);
  // Drop ":line:col" (or "!Cell" stays: a worksheet cell is where the value is, not a line).
  for (int i = 0; i < 2; ++i) {
    size_t colon = where.rfind(':');
    if (colon == std::string::npos || colon + 1 >= where.size() ||
        where.find_first_not_of("0123456789", colon + 1) != std::string::npos)
      break;
    where.erase(colon);
  }
  return where + "|" + line.substr(sev + 2);
}

std::vector<std::string> FindingChanges(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  // The k-th finding of a key after the change is the k-th one before it: what is beyond the count
  // of the other run was added, or went away.
  std::map<std::string, int> count_before, count_after;
  for (const std::string& l : before) ++count_before[FindingKey(l)];
  for (const std::string& l : after) ++count_after[FindingKey(l)];
  std::vector<std::string> added, removed;
  std::map<std::string, int> seen;
  for (const std::string& l : after) {
    std::string key = FindingKey(l);
    if (seen[key]++ >= count_before[key]) added.push_back("+ " + l);
  }
  seen.clear();
  for (const std::string& l : before) {
    std::string key = FindingKey(l);
    if (seen[key]++ >= count_after[key]) removed.push_back("- " + l);
  }
  added.insert(added.end(), removed.begin(), removed.end());
  return added;
}

namespace {

// The inotify watches: one per folder, each either on some file names or on every file.
class Watcher {
 public:
  ~Watcher() {
    if (fd_ >= 0) close(fd_);
  }
  bool Open() {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    return fd_ >= 0;
  }
  int fd() const { return fd_; }

  // Watches the folders of `run`'s inputs. Watches already there stay (a folder is watched once).
  void Add(const WatchRun& run) {
    for (const std::string& f : run.files) {
      fs::path p(f);
      fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
      if (int wd = Watch(dir); wd >= 0) names_[wd].insert(p.filename().string());
    }
    for (const std::string& t : run.trees) {
      std::error_code ec;
      if (!fs::is_directory(t, ec)) continue;
      if (int wd = Watch(t); wd >= 0) every_.insert(wd);
      for (fs::recursive_directory_iterator it(t, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec)) {
          if (int wd = Watch(it->path()); wd >= 0) every_.insert(wd);
        }
      }
    }
  }

  // Reads the events queued now; returns the inputs among the changed files ("" when none).
  std::vector<std::string> Drain() {
    std::vector<std::string> changed;
    alignas(struct inotify_event) char buf[16384];
    while (true) {
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      for (char* p = buf; p < buf + n;) {
        auto* e = reinterpret_cast<struct inotify_event*>(p);
        p += sizeof(struct inotify_event) + e->len;
        std::string name = e->len ? e->name : "";
        auto dir = dirs_.find(e->wd);
        if (dir == dirs_.end()) continue;
        bool relevant = every_.count(e->wd) || (names_.count(e->wd) && names_[e->wd].count(name));
        if (!relevant) continue;
        std::string path = (fs::path(dir->second) / name).lexically_normal().string();
        if (std::find(changed.begin(), changed.end(), path) == changed.end()) changed.push_back(path);
      }
    }
    return changed;
  }

 private:
  int Watch(const fs::path& dir) {
    int wd = inotify_add_watch(fd_, dir.c_str(),
                               IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB);
    if (wd >= 0) dirs_[wd] = dir.string();
    return wd;
  }

  int fd_ = -1;
  std::map<int, std::string> dirs_;
  std::map<int, std::set<std::string>> names_;
  std::set<int> every_;
};

// SIGINT and SIGTERM, blocked and read from a file descriptor, so that poll() sees them and a run
// in progress finishes before the process ends.
class Signals {
 public:
  Signals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    sigprocmask(SIG_BLOCK, &set_, &old_);
    fd_ = signalfd(-1, &set_, SFD_NONBLOCK | SFD_CLOEXEC);
  }
  ~Signals() {
    if (fd_ >= 0) {
      // Take the signals that ended the watch, so that unblocking them does not deliver them again.
      struct signalfd_siginfo info;
      while (read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
      }
      close(fd_);
    }
    sigprocmask(SIG_SETMASK, &old_, nullptr);
  }
  int fd() const { return fd_; }

 private:
  sigset_t set_, old_;
  int fd_ = -1;
};

constexpr int kQuietMs = 200;      // a burst of events ends after this long without one
constexpr int kLongestBurstMs = 2000;  // ...or after this long, so that a constant writer is seen

}  // namespace

int WatchLoop(const std::string& name, const std::function<WatchRun(bool first)>& run) {
  Signals signals;
  Watcher watcher;
  if (signals.fd() < 0 || !watcher.Open()) {
    std::cerr << "plangen " << name << " --watch: cannot watch for changes: " << std::strerror(errno) << "\n";
    return 2;
  }
  WatchRun last = run(true);
  watcher.Add(last);
  std::cout << "plangen " << name << ": watching " << last.files.size() << " file" << (last.files.size() == 1 ? "" : "s")
            << " for changes (Ctrl-C stops)" << std::endl;
  while (true) {
    struct pollfd fds[2] = {{signals.fd(), POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
    int ready = poll(fds, 2, -1);  // asleep until a change or a signal
    if (ready < 0) {
      if (errno == EINTR) continue;
      std::cerr << "plangen " << name << " --watch: " << std::strerror(errno) << "\n";
      return 2;
    }
    if (fds[0].revents) return 0;
    std::vector<std::string> changed = watcher.Drain();
    if (changed.empty()) continue;
    // Wait for the burst to end: an editor's save is several events, a copy of many files more.
    auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(kLongestBurstMs)) {
      struct pollfd more[2] = {{signals.fd(), POLLIN, 0}, {watcher.fd(), POLLIN, 0}};
      int n = poll(more, 2, kQuietMs);
      if (n > 0 && more[0].revents) return 0;
      if (n <= 0) break;
      for (const std::string& c : watcher.Drain()) {
        if (std::find(changed.begin(), changed.end(), c) == changed.end()) changed.push_back(c);
      }
    }
    WatchRun next = run(false);
    watcher.Add(next);
    std::vector<std::string> changes = FindingChanges(last.findings, next.findings);
    size_t added = 0;
    for (const std::string& c : changes) added += c[0] == '+';
    std::cout << "plangen " << name << ": " << changed.front()
              << (changed.size() > 1 ? " and " + std::to_string(changed.size() - 1) + " more" : "") << " changed; ";
    if (changes.empty()) std::cout << "no finding changed";
    else std::cout << added << " new finding" << (added == 1 ? "" : "s") << ", " << changes.size() - added << " gone";
    std::cout << " (" << next.findings.size() << " in all)\n";
    for (const std::string& c : changes) std::cout << c << "\n";
    if (!next.status.empty()) std::cout << next.status << "\n";
    std::cout.flush();
    last = std::move(next);
  }
}

}  // namespace plangen
