// Test helpers for the cross-check rules: compile a plan written inline, list its findings in a
// compact form, and say where a piece of text sits in the plan.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "driver/compile.h"

namespace plangen::testing {

/// Writes `xml` to a fresh plan.xml in a temporary folder and compiles it with the installed
/// profiles. Every "@DIGEST@" in the text is first replaced by the plan's own digest, so that
/// approvals can be bound to whatever the test wrote.
/// `profiles_dir` is searched for profiles first (as --profiles).
std::unique_ptr<Compilation> CompilePlanText(const std::string& xml, const std::string& as_of = "2026-12-01",
                                             const std::vector<std::string>& flags = {}, bool werror = false,
                                             const std::string& profiles_dir = "");

/// Writes `text` as <temp>/<id>/profile.xml and returns the folder to pass as profiles_dir.
std::string WriteProfile(const std::string& id, const std::string& text);

/// Findings whose code starts with `code_prefix`, one line each as "plan.xml:L:C: severity:
/// message [PGnnnn]", followed by their notes as "plan.xml:L:C: note: text" (file names without
/// folders). Waived findings follow as "...: waived: message [PGnnnn] (reason: ...)".
std::vector<std::string> Findings(const Compilation& c, const std::string& code_prefix = "PG");

/// "plan.xml:L:C" of the first occurrence of `needle` in `xml`, plus `shift` characters.
std::string At(const std::string& xml, const std::string& needle, int shift = 0);

/// `xml` with the first `from` replaced by `to`; fails the test when `from` is absent.
std::string Replace(const std::string& xml, const std::string& from, const std::string& to);

/// The text of a file below the source root.
std::string ReadSourceFile(const std::string& rel);

/// A small plan that passes every rule as of 2026-12-01: one file server with a File Store, its
/// backup, one scenario, a restore drill, approvals bound by "@DIGEST@", and all six
/// validation checks.
const std::string& CleanPlan();

}  // namespace plangen::testing
