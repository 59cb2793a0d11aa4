// plangen init: the plan skeleton is built in memory and written in one step, so that a topology
// that cannot be read leaves nothing behind and an existing plan is never half-replaced.
#include "driver/init_command.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "diag/printers.h"
#include "driver/common_options.h"
#include "load/profile_loader.h"
#include "topology/plan_skeleton.h"
#include "topology/topology.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

void Print(const DiagEngine& diags, const Environment& env) {
  if (diags.Sorted().empty()) return;
  TextOptions t;
  t.color = env.UseColor(env.stderr_is_terminal);
  PrintText(diags, std::cerr, t);
}

// Writes through a temporary file in the same folder and renames it into place. The temporary
// file is made by mkostemp (O_CREAT|O_EXCL under a random name), so a file or a symbolic link
// planted under a predictable name is never opened or followed.
bool WriteFileAtomically(const fs::path& target, const std::string& text, std::string* error) {
  std::string templ = target.string() + ".plangen-tmp.XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  int fd = mkostemp(buf.data(), O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot create a temporary file beside '" + target.string() + "': " + std::strerror(errno);
    return false;
  }
  const std::string tmp = buf.data();
  // mkstemp makes the file 0600; a plan is an ordinary document, so it follows the umask.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  size_t done = 0;
  bool ok = true;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<size_t>(n);
  }
  if (close(fd) != 0) ok = false;
  if (!ok) {
    *error = "cannot write '" + tmp + "': " + std::strerror(errno);
    unlink(tmp.c_str());
    return false;
  }
  if (rename(tmp.c_str(), target.c_str()) != 0) {
    *error = "cannot write '" + target.string() + "': " + std::strerror(errno);
    unlink(tmp.c_str());
    return false;
  }
  return true;
}

// How the plan names its topology file: relative to the plan's folder, so the two can move together.
std::string RelativeTo(const fs::path& file, const fs::path& dir) {
  std::error_code ec;
  fs::path abs_file = fs::absolute(file, ec);
  fs::path abs_dir = fs::absolute(dir, ec);
  fs::path rel = abs_file.lexically_normal().lexically_relative(abs_dir.lexically_normal());
  return (rel.empty() ? abs_file : rel).generic_string();
}

}  // namespace

int RunInit(const ParsedArgs& r, const Environment& env) {
  const fs::path dir = r.Positional("DIR");
  const fs::path target = dir / "plan.xml";
  std::error_code ec;
  if (fs::exists(target, ec) && !r.Has("force")) {
    std::cerr << "plangen init: '" << target.string() << "' already exists; not replacing it (use --force to replace it)\n";
    return 2;
  }
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    std::cerr << "plangen init: '" << dir.string() << "' exists and is not a folder\n";
    return 2;
  }

  SourceManager sm;
  DiagEngine diags(sm);
  Profile profile;
  const std::string profile_id = r.Get("profile", "lync-server-2013");
  if (!LoadProfile(profile_id, ProfileSearchPath(r.Get("profiles")), Loc{},
                   &profile, sm, diags) || diags.HasErrors()) {
    Print(diags, env);
    std::cerr << "plangen init: profile '" << profile_id << "' cannot be used; no plan written\n";
    return 2;
  }

  std::string text;
  topo::SkeletonSummary summary;
  if (r.Has("topology")) {
    const std::string path = r.Get("topology");
    topo::Topology topology;
    if (!topo::ReadTopology(path, path, &topology, sm, diags)) {
      Print(diags, env);
      std::cerr << "plangen init: the topology '" << path << "' cannot be used; no plan written\n";
      return 2;
    }
    topo::SkeletonOptions so;
    so.topology_file = RelativeTo(path, dir);
    so.topology_name = "'" + fs::path(path).filename().string() + "'" +
                       (topology.ProductName().empty() ? "" : " (" + topology.ProductName() + ")");
    text = topo::PlanSkeleton(topology, profile, so, &summary);
  } else {
    text = topo::StarterPlan(profile, &summary);
  }
  Print(diags, env);  // warnings from the topology reader

  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "plangen init: cannot create '" << dir.string() << "': " << ec.message() << "\n";
    return 2;
  }
  std::string error;
  if (!WriteFileAtomically(target, text, &error)) {
    std::cerr << "plangen init: " << error << "\n";
    return 2;
  }
  std::cout << "plangen init: wrote " << target.string();
  if (r.Has("topology")) {
    std::cout << ": " << summary.sites << " site" << (summary.sites == 1 ? "" : "s") << ", " << summary.pools << " pool"
              << (summary.pools == 1 ? "" : "s") << ", " << summary.servers << " server" << (summary.servers == 1 ? "" : "s")
              << ", " << summary.backups << " backup" << (summary.backups == 1 ? "" : "s") << ", " << summary.scenarios
              << " scenario" << (summary.scenarios == 1 ? "" : "s");
  } else {
    std::cout << " (a starter plan)";
  }
  std::cout << "\n" << summary.decisions << " decisions are left to you; 'plangen check " << target.string()
            << "' lists each one\n";
  return 0;
}

}  // namespace plangen
