#include "util/data_dir.h"

#include <cstdlib>
#include <filesystem>

#include "plangen_config.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

bool HasData(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "worksheets", ec) && fs::is_directory(dir / "templates", ec);
}

}  // namespace

std::string DataDir() {
  if (const char* env = std::getenv("PLANGEN_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    // A binary in its build folder (plangen, the test programs) reads the source tree it was built from.
    fs::path in_build = dir.lexically_normal().lexically_relative(fs::path(PLANGEN_BUILD_ROOT).lexically_normal());
    if (!in_build.empty() && *in_build.begin() != "..") return PLANGEN_DATADIR;
    // An installed binary reads the data installed beside it (under DESTDIR, or moved with it)...
    if (std::string(PLANGEN_BIN_TO_DATADIR).size() > 0) {
      fs::path installed = (dir / PLANGEN_BIN_TO_DATADIR).lexically_normal();
      if (HasData(installed)) return installed.string();
    }
  }
  // ...or where 'meson install' put it.
  if (HasData(PLANGEN_INSTALL_DATADIR)) return PLANGEN_INSTALL_DATADIR;
  return PLANGEN_DATADIR;
}

}  // namespace plangen
