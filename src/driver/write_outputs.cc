#include "driver/write_outputs.h"

#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace plangen {

bool WriteOutputs(const OutputSet& outputs, const std::string& dir, SourceManager& sm, DiagEngine& diags) {
  auto fail = [&](const std::string& what, const std::string& why) {
    int32_t f = sm.AddFile(what, "");
    diags.Report(DiagId::err_output_unwritable, Loc::At(f, 0), {what, why});
    return false;
  };
  for (const auto& [rel, bytes] : outputs.files()) {
    fs::path p(rel);
    if (p.is_absolute() || rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos) {
      return fail(rel, "the path leaves the output directory");
    }
  }
  std::error_code ec;
  for (const auto& [rel, bytes] : outputs.files()) {
    fs::path target = fs::path(dir) / rel;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return fail(target.parent_path().string(), ec.message());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) return fail(target.string(), std::strerror(errno));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return fail(target.string(), "write error");
  }
  return true;
}

}  // namespace plangen
