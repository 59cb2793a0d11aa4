// check --watch and build --watch: one full run, then a run after every change to the inputs,
// printing only the findings that appeared or went away. Changes are seen with inotify, on the
// folders of the inputs (editors replace a file by renaming a new one over it); the process
// sleeps in poll() between changes, and SIGINT or SIGTERM ends it with status 0.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace plangen {

/// What one run found and read.
struct WatchRun {
  /// Every finding, one line each ("plan.xml:3:5: error: message [PG2101]"), in print order.
  std::vector<std::string> findings;
  /// The files the run read (the plan, its parts, the profile, worksheets, the topology): a change
  /// to one of them, or a file of that name appearing in its folder, starts the next run.
  std::vector<std::string> files;
  /// Folders whose every file counts (templates, folders of worksheets), with their subfolders.
  std::vector<std::string> trees;
  /// One line said after a later run, after the changed findings ("built into out", "not built: ...").
  std::string status;
};

/// Identifies a finding across runs: its file, severity, message and code, not its line, so that
/// lines inserted above a finding do not make it new.
std::string FindingKey(const std::string& line);

/// The findings of `after` that `before` does not have ("+ line") and those it lost ("- line"),
/// each kind in its run's order; a finding present n times before and m times after counts m - n.
std::vector<std::string> FindingChanges(const std::vector<std::string>& before, const std::vector<std::string>& after);

/// Calls `run(true)` once (it prints its own full report), then waits for changes and calls
/// `run(false)` after each burst of them, printing what changed to `out` under a line naming the
/// changed file. Returns 0 when SIGINT or SIGTERM ends it; 2 when changes cannot be watched.
/// `name` is the command ("check" or "build").
int WatchLoop(const std::string& name, const std::function<WatchRun(bool first)>& run);

}  // namespace plangen
