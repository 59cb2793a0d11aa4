// Outputs written through to the staging directory as they are made: nothing of them stays in
// memory, and the audit package and the output directory are the bytes of an in-memory build.
#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <zlib.h>

#include "audit/sha256.h"
#include "driver/audit_package.h"
#include "driver/compile.h"
#include "driver/write_outputs.h"
#include "emit/emitters.h"
#include "tmpl/templates.h"
#include "util/data_dir.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::TempDir;
using testing::ReadAll;
using testing::Tree;

// The sample compiled, then emitted and written into `out` with its audit package, the outputs
// held in memory or written through.
void BuildSample(const std::string& out, bool through, std::vector<audit::PackageMember>* members = nullptr) {
  CompileOptions o;
  o.plan_path = testing::SourceRoot() + "/samples/contoso/plan.xml";
  o.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(o, c);
  BOOST_REQUIRE(!c.diags.HasErrors());
  TemplateSet templates("", DataDir() + "/templates");
  EmitContext ectx{c.plan, c.profile, o.as_of, false, templates, c.diags, c.sources};
  ectx.plan_digest = "sha256:0";
  ectx.jobs = 2;
  audit::StagedOutput staged;
  OutputSet outputs;
  if (through) {
    BOOST_REQUIRE(BeginOutputs(out, false, &staged, c.sources, c.diags));
    outputs.WriteThrough(&staged);
  }
  BOOST_REQUIRE(RunEmitters(ectx, outputs));
  AuditPackage package;
  BOOST_REQUIRE(AssembleAuditPackage(o, ectx, outputs, &package));
  if (through) {
    // Nothing of an output is held: each is in the staging directory, with its digest.
    for (const auto& [path, bytes] : outputs.files()) {
      BOOST_TEST(bytes.empty(), path);
      const OutputSet::Written* w = outputs.WrittenFile(path);
      BOOST_REQUIRE_MESSAGE(w, path);
      const std::string on_disk = ReadAll(staged.staging_dir() + "/" + path);
      BOOST_TEST(w->size == on_disk.size(), path);
      BOOST_TEST(w->sha256 == audit::Sha256Hex(on_disk), path);
      BOOST_TEST(outputs.Bytes(path) == on_disk, path);
      // The zip checksum of what was written piece by piece (text: every runbook, script and
      // page), for the package to check its copies from the bundles against.
      const bool text = path.size() > 3 && (path.compare(path.size() - 3, 3, ".md") == 0 || path.find(".htm") != std::string::npos);
      if (text) BOOST_TEST(w->crc32.has_value(), path);
      if (w->crc32) {
        const uLong crc = crc32_z(crc32_z(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(on_disk.data()), on_disk.size());
        BOOST_TEST(*w->crc32 == static_cast<uint32_t>(crc), path);
      }
    }
  }
  if (members) *members = package.members;
  WriteOptions wo;
  wo.before_commit = [&](const std::string& staging) {
    fs::create_directories(fs::path(staging) / "audit");
    return audit::WritePackage(staging + "/" + package.path, package.members, package.info, c.diags);
  };
  BOOST_REQUIRE(WriteOutputs(outputs, out, c.sources, c.diags, wo));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(write_through)

BOOST_AUTO_TEST_CASE(outputs_written_through_give_the_bytes_of_outputs_held_in_memory) {
  TempDir tmp;
  std::vector<audit::PackageMember> members;
  BuildSample(tmp.path + "/held", false);
  BuildSample(tmp.path + "/through", true, &members);
  auto held = Tree(tmp.path + "/held"), through = Tree(tmp.path + "/through");
  BOOST_TEST(held.size() == through.size());
  BOOST_TEST(held.count("worksheets/all.xlsx") == 1u);
  for (const auto& [path, bytes] : held) BOOST_TEST((through.count(path) && through[path] == bytes), path);
  // The package read its output members from those files, and copied none of their bytes.
  size_t from_files = 0;
  for (const audit::PackageMember& m : members) {
    if (m.path.rfind("outputs/", 0) != 0) continue;
    BOOST_TEST(!m.file.empty(), m.path);
    BOOST_TEST(m.data.empty(), m.path);
    from_files += !m.file.empty();
  }
  BOOST_TEST(from_files > 20u);
}

BOOST_AUTO_TEST_CASE(a_failed_build_written_through_leaves_no_staging_directory) {
  TempDir tmp;
  {
    SourceManager sm;
    DiagEngine diags(sm);
    audit::StagedOutput staged;
    BOOST_REQUIRE(BeginOutputs(tmp.path + "/out", false, &staged, sm, diags));
    OutputSet outputs;
    outputs.WriteThrough(&staged);
    outputs.Add("a.txt", "written");
    outputs.Add("../outside.txt", "refused");
    BOOST_TEST(fs::exists(staged.staging_dir() + "/a.txt"));
    BOOST_TEST(!WriteOutputs(outputs, tmp.path + "/out", sm, diags));
    BOOST_TEST(diags.errors() == 1);
    BOOST_TEST(!fs::exists(tmp.path + "/outside.txt"));
  }
  BOOST_TEST(!fs::exists(tmp.path + "/out"));
  for (const auto& e : fs::directory_iterator(tmp.path)) BOOST_TEST(false, "left behind: " << e.path());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen
