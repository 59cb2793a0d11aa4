#include "driver/plan_version.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "audit/zip_reader.h"
#include "load/plan_loader.h"

namespace fs = std::filesystem;

namespace plangen {

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "plangen-diff-XXXXXX").string();
  if (mkdtemp(tmpl.data())) path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) fs::remove_all(path_, ec);
}

bool IsZipFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

bool LoadPlanVersion(const std::string& path, const TempDir& scratch, Plan* plan, SourceManager& sm, DiagEngine& diags,
                     std::string* error) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    *error = "cannot read '" + path + "': " + (fs::exists(path, ec) ? "not a file" : "no such file");
    return false;
  }
  if (!IsZipFile(path)) return LoadPlan(path, path, plan, sm, diags);
  audit::ZipContents zip = audit::ReadZipFile(path, audit::ZipLimits{});
  if (!zip.opened || scratch.path().empty()) {
    *error = "cannot read the audit package '" + path + "'";
    return false;
  }
  bool has_plan = false;
  for (const audit::ZipEntry& e : zip.entries) {
    if (e.name.compare(0, 7, "inputs/") != 0) continue;
    fs::path target = fs::path(scratch.path()) / e.name;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream(target, std::ios::binary) << e.data;
    if (e.name == "inputs/plan.xml") has_plan = true;
  }
  if (!has_plan) {
    *error = "the audit package '" + path + "' has no inputs/plan.xml";
    return false;
  }
  return LoadPlan(scratch.path() + "/inputs/plan.xml", path + ":inputs/plan.xml", plan, sm, diags);
}

}  // namespace plangen
