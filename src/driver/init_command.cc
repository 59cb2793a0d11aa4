// plangen init: the plan skeleton is built in memory and written in one step, so that a topology
// that cannot be read leaves nothing behind and an existing plan is never half-replaced.
#include "driver/init_command.h"

#include <cxxopts.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

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
  t.color = env.stderr_is_terminal && !env.no_color;
  PrintText(diags, std::cerr, t);
}

// Writes through a temporary file in the same folder and renames it into place.
bool WriteFileAtomically(const fs::path& target, const std::string& text, std::string* error) {
  fs::path tmp = target;
  tmp += ".plangen-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      *error = "cannot write '" + tmp.string() + "'";
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    *error = "cannot write '" + target.string() + "': " + ec.message();
    fs::remove(tmp, ec);
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

int RunInit(const std::vector<std::string>& args, const Environment& env) {
  cxxopts::Options o("plangen init", "Start a plan: write DIR/plan.xml from a topology file, or a commented starter plan.");
  o.positional_help("DIR");
  o.add_options()
      ("topology", "Topology Builder file (.tbxml) or Get-CsTopology -AsXml output", cxxopts::value<std::string>())
      ("profile", "profile of the plan", cxxopts::value<std::string>()->default_value("lync-server-2013"))
      ("profiles", "also look for profiles in DIR", cxxopts::value<std::string>())
      ("force", "replace an existing plan.xml")
      ("h,help", "show this help")
      ("dir", "folder to write plan.xml into", cxxopts::value<std::string>());
  o.parse_positional({"dir"});
  cxxopts::ParseResult r;
  int exit = 0;
  if (!ParseCommandArgs(o, "init", args, &r, &exit)) return exit;
  if (!r.count("dir")) return UsageError("init", "give the folder to write plan.xml into, e.g. 'plangen init myplan --topology topology.tbxml'");
  const fs::path dir = r["dir"].as<std::string>();
  const fs::path target = dir / "plan.xml";
  std::error_code ec;
  if (fs::exists(target, ec) && !r.count("force")) {
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
  const std::string profile_id = r["profile"].as<std::string>();
  if (!LoadProfile(profile_id, ProfileSearchPath(r.count("profiles") ? r["profiles"].as<std::string>() : ""), Loc{},
                   &profile, sm, diags) || diags.HasErrors()) {
    Print(diags, env);
    std::cerr << "plangen init: profile '" << profile_id << "' cannot be used; no plan written\n";
    return 2;
  }

  std::string text;
  topo::SkeletonSummary summary;
  if (r.count("topology")) {
    const std::string path = r["topology"].as<std::string>();
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
  if (r.count("topology")) {
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
