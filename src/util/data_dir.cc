#include "util/data_dir.h"

#include <cstdlib>
#include <filesystem>

#include "plangen_config.h"

namespace fs = std::filesystem;

namespace plangen {

std::string DataDir() {
  if (const char* env = std::getenv("PLANGEN_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "plangen";
    if (fs::is_directory(installed / "worksheets", ec)) return installed.string();
  }
  return PLANGEN_DATADIR;
}

}  // namespace plangen
