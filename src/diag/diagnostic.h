// The diagnostics engine: every finding plangen reports goes through here.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/source_manager.h"

namespace plangen {

enum class Severity { kNote = 0, kWarning = 1, kError = 2 };

/// "note", "warning", "error".
const char* SeverityName(Severity s);
std::optional<Severity> ParseSeverity(const std::string& s);

enum class DiagId : int {
#define DIAG(name, sev, code, fmt, expl) name,
#include "diag/diag_kinds.def"
#undef DIAG
  kCount
};

struct DiagInfo {
  const char* name;         ///< err_xml_malformed
  Severity severity;        ///< default severity
  int code;                 ///< 1001
  const char* format;       ///< message with {0}... placeholders
  const char* explanation;  ///< for 'plangen explain'
};

const DiagInfo& Info(DiagId id);
/// "PG1001".
std::string CodeString(DiagId id);
/// The diagnostic with code "PG1001" (case-insensitive), if any.
std::optional<DiagId> FindCode(const std::string& code);
/// Every diagnostic kind, in table order.
std::vector<DiagId> AllDiagIds();
/// Replaces {0}, {1}... in `format`.
std::string FormatMessage(const char* format, const std::vector<std::string>& args);

struct Note {
  Loc loc;
  std::string message;
};

struct Diagnostic {
  DiagId id;
  Severity severity;
  std::string message;
  Loc loc;
  std::vector<Note> notes;
  std::string waiver;  ///< non-empty when the finding was waived: the reason given
  std::vector<std::string> args;  ///< the message's arguments: the ids and names a waiver's scope matches

  Diagnostic& AddNote(Loc where, std::string text) {
    notes.push_back(Note{where, std::move(text)});
    return *this;
  }
};

/// A change of severity for one code: from the command line or from the plan itself.
struct SeverityOverride {
  bool off = false;             ///< waived entirely
  Severity severity = Severity::kWarning;
  std::string reason;           ///< shown in the report
  Loc where;                    ///< where the override was declared (plan), or none (command line)
  /// Empty: every finding with the code. Otherwise only findings whose arguments name one of
  /// these (ids, FQDNs; compared without regard to case).
  std::vector<std::string> scope;
  int applied = 0;              ///< findings it has changed so far
};

/// What one task reported while tasks ran side by side (DiagEngine::Capture), with the files it
/// registered, to be replayed into the engine in task order (DiagEngine::Replay).
struct CapturedFindings {
  std::deque<Diagnostic> diags;
  PendingFiles files;
  int counts[3] = {0, 0, 0};  ///< by the severity each would get (waived ones not counted)
};

class DiagEngine {
 public:
  explicit DiagEngine(const SourceManager& sm) : sm_(sm) {}

  /// Records a finding. The returned reference stays valid for the engine's life.
  Diagnostic& Report(DiagId id, Loc loc, std::vector<std::string> args = {});

  /// Sets the one override of a code (the command line), replacing any other.
  void SetOverride(DiagId id, SeverityOverride o) {
    overrides_.erase(id);
    overrides_.emplace(id, std::move(o));
  }
  /// Adds an override beside others of the same code (plan waivers, each with its scope); the
  /// first whose scope covers a finding applies to it.
  void AddOverride(DiagId id, SeverityOverride o) { overrides_.emplace(id, std::move(o)); }
  const std::multimap<DiagId, SeverityOverride>& overrides() const { return overrides_; }
  void SetWerror(bool on) { werror_ = on; }
  void SetMaxErrors(int n) { max_errors_ = n; }

  /// Findings that count, sorted by file and position (stable for equal places).
  std::vector<const Diagnostic*> Sorted() const;
  /// Findings switched off by an override, with their reason.
  std::vector<const Diagnostic*> Waived() const;

  /// While `into` is set on the calling thread, Report on this thread keeps its findings there
  /// (and the SourceManager keeps the files registered on this thread there too) and the engine
  /// is left as it is, so other threads may read it meanwhile. The counts seen from this thread
  /// include what was captured. Null ends the capture.
  void Capture(CapturedFindings* into) const;
  /// Reports what a capture kept, as if it were reported now: severities, waivers and
  /// --max-errors apply as they would have, so captures replayed in task order give exactly the
  /// findings of a one-thread run.
  void Replay(CapturedFindings captured, SourceManager& sm);

  int errors() const { return counts_[2] + CapturedCount(2); }
  int warnings() const { return counts_[1] + CapturedCount(1); }
  int notes() const { return counts_[0] + CapturedCount(0); }
  bool HasErrors() const { return errors() > 0; }
  const SourceManager& sources() const { return sm_; }

 private:
  int CapturedCount(int severity) const;
  const SourceManager& sm_;
  std::deque<Diagnostic> diags_;
  std::deque<Diagnostic> dropped_;  // past --max-errors; kept so references stay valid
  std::multimap<DiagId, SeverityOverride> overrides_;
  bool werror_ = false;
  int max_errors_ = 200;
  bool stopped_ = false;
  int counts_[3] = {0, 0, 0};
};

}  // namespace plangen
