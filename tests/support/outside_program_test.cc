// When a test runs, skips, fails or leaves to the plain stage the part that needs an outside
// program.
#include "outside_program.h"

#include <stdlib.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "temp_tree.h"

namespace plangen::testing {
namespace {

// Sets (or, with nullopt, unsets) an environment variable for the life of this object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = getenv(name)) old_ = old;
    if (value) setenv(name, value->c_str(), 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) setenv(name_, old_->c_str(), 1);
    else unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(outside_program)

BOOST_AUTO_TEST_CASE(present_runs_missing_skips_and_fails_only_under_ci) {
  using U = OutsideProgramUse;
  BOOST_TEST((DecideOutsideProgram(true, nullptr, nullptr) == U::kRun));
  BOOST_TEST((DecideOutsideProgram(true, "true", nullptr) == U::kRun));
  BOOST_TEST((DecideOutsideProgram(false, nullptr, nullptr) == U::kSkip));
  BOOST_TEST((DecideOutsideProgram(false, "false", nullptr) == U::kSkip));
  BOOST_TEST((DecideOutsideProgram(false, "true", nullptr) == U::kFail));
  BOOST_TEST((DecideOutsideProgram(false, "true", "0") == U::kFail));
}

BOOST_AUTO_TEST_CASE(the_sanitized_stage_leaves_it_to_the_plain_stage_even_in_ci) {
  using U = OutsideProgramUse;
  BOOST_TEST((DecideOutsideProgram(true, nullptr, "1") == U::kNotHere));
  BOOST_TEST((DecideOutsideProgram(false, "true", "1") == U::kNotHere));
  BOOST_TEST((DecideOutsideProgram(true, "true", "1") == U::kNotHere));
}

BOOST_AUTO_TEST_CASE(the_probe_decides_outside_the_sanitized_stage) {
  ScopedEnv stage("PLANGEN_SANITIZED_STAGE", std::nullopt);
  ScopedEnv ci("CI", std::nullopt);
  BOOST_TEST(HaveOutsideProgram("sh", "true"));
  BOOST_TEST(!HaveOutsideProgram("a program that is not there", "false"));
}

BOOST_AUTO_TEST_CASE(the_sanitized_stage_does_not_probe) {
  ScopedEnv stage("PLANGEN_SANITIZED_STAGE", "1");
  ScopedEnv ci("CI", "true");
  TempDir dir("plangen-outside-program");
  const std::string mark = dir.path + "/probed";
  BOOST_TEST(!HaveOutsideProgram("touch", "touch '" + mark + "'"));
  BOOST_TEST(!std::filesystem::exists(mark));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen::testing
