#include "diag/diagnostic.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace plangen {

namespace {
const DiagInfo kInfos[] = {
#define DIAG(name, sev, code, fmt, expl) {#name, Severity::k##sev, code, fmt, expl},
#include "diag/diag_kinds.def"
#undef DIAG
};
}  // namespace

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kNote: return "note";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(const std::string& s) {
  if (s == "note") return Severity::kNote;
  if (s == "warning") return Severity::kWarning;
  if (s == "error") return Severity::kError;
  return std::nullopt;
}

const DiagInfo& Info(DiagId id) { return kInfos[static_cast<int>(id)]; }

std::string CodeString(DiagId id) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "PG%04d", Info(id).code);
  return buf;
}

std::optional<DiagId> FindCode(const std::string& code) {
  std::string c;
  for (char ch : code) c.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  for (int i = 0; i < static_cast<int>(DiagId::kCount); ++i) {
    if (CodeString(static_cast<DiagId>(i)) == c) return static_cast<DiagId>(i);
  }
  return std::nullopt;
}

std::vector<DiagId> AllDiagIds() {
  std::vector<DiagId> v;
  for (int i = 0; i < static_cast<int>(DiagId::kCount); ++i) v.push_back(static_cast<DiagId>(i));
  return v;
}

std::string FormatMessage(const char* format, const std::vector<std::string>& args) {
  std::string out;
  for (const char* p = format; *p; ++p) {
    if (*p == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
      size_t i = static_cast<size_t>(p[1] - '0');
      if (i < args.size()) out += args[i];
      p += 2;
    } else {
      out.push_back(*p);
    }
  }
  return out;
}

static bool ScopeCovers(const SeverityOverride& o, const std::vector<std::string>& args) {
  if (o.scope.empty()) return true;
  for (const std::string& s : o.scope) {
    for (const std::string& a : args) {
      if (a.size() == s.size() && std::equal(a.begin(), a.end(), s.begin(), [](char x, char y) {
            return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
          }))
        return true;
    }
  }
  return false;
}

namespace {
struct ThreadCapture {
  const DiagEngine* engine = nullptr;
  CapturedFindings* into = nullptr;
};
thread_local ThreadCapture t_capture;
}  // namespace

void DiagEngine::Capture(CapturedFindings* into) const {
  t_capture.engine = into ? this : nullptr;
  t_capture.into = into;
  sm_.SetThreadPending(into ? &into->files : nullptr);
}

int DiagEngine::CapturedCount(int severity) const {
  return t_capture.engine == this ? t_capture.into->counts[severity] : 0;
}

void DiagEngine::Replay(CapturedFindings captured, SourceManager& sm) {
  const std::vector<int32_t> ids = sm.AddPending(std::move(captured.files));
  auto remap = [&](Loc loc) {
    if (loc.file >= kPendingFileBase) loc.file = ids[static_cast<size_t>(loc.file - kPendingFileBase)];
    return loc;
  };
  for (Diagnostic& c : captured.diags) {
    Diagnostic& d = Report(c.id, remap(c.loc), std::move(c.args));
    for (Note& n : c.notes) d.notes.push_back(Note{remap(n.loc), std::move(n.message)});
  }
}

Diagnostic& DiagEngine::Report(DiagId id, Loc loc, std::vector<std::string> args) {
  const DiagInfo& info = Info(id);
  if (t_capture.engine == this) {
    // Kept as reported; the severity it would get is worked out without changing the overrides.
    CapturedFindings& into = *t_capture.into;
    Diagnostic d{id, info.severity, FormatMessage(info.format, args), loc, {}, {}, args};
    bool waived = false;
    for (auto [it, end] = overrides_.equal_range(id); it != end; ++it) {
      if (ScopeCovers(it->second, args)) {
        waived = it->second.off;
        d.severity = it->second.severity;
        break;
      }
    }
    if (werror_ && d.severity == Severity::kWarning) d.severity = Severity::kError;
    if (!waived) into.counts[static_cast<int>(d.severity)]++;
    into.diags.push_back(std::move(d));
    return into.diags.back();
  }
  Diagnostic d{id, info.severity, FormatMessage(info.format, args), loc, {}, {}, std::move(args)};
  auto ov = overrides_.end();
  for (auto [it, end] = overrides_.equal_range(id); it != end; ++it) {
    if (ScopeCovers(it->second, d.args)) {
      ov = it;
      break;
    }
  }
  if (ov != overrides_.end()) {
    ov->second.applied++;
    if (ov->second.off) {
      d.waiver = ov->second.reason.empty() ? "waived" : ov->second.reason;
      dropped_.push_back(std::move(d));
      return dropped_.back();
    }
    // An auditor must see why a finding does not carry its default severity.
    if (ov->second.severity != d.severity) {
      d.notes.push_back(Note{ov->second.where, std::string("severity changed from ") + SeverityName(d.severity) +
                                                   " to " + SeverityName(ov->second.severity) + ": " +
                                                   (ov->second.reason.empty() ? "no reason given" : ov->second.reason)});
    }
    d.severity = ov->second.severity;
  }
  if (werror_ && d.severity == Severity::kWarning) d.severity = Severity::kError;
  if (stopped_) {
    dropped_.push_back(std::move(d));
    return dropped_.back();
  }
  counts_[static_cast<int>(d.severity)]++;
  diags_.push_back(std::move(d));
  Diagnostic& back = diags_.back();
  if (back.severity == Severity::kError && max_errors_ > 0 && counts_[2] >= max_errors_ &&
      id != DiagId::err_too_many_errors) {
    stopped_ = true;
    Diagnostic stop{DiagId::err_too_many_errors, Severity::kError,
                    Info(DiagId::err_too_many_errors).format, Loc{}, {}, {}, {}};
    counts_[2]++;
    diags_.push_back(std::move(stop));
  }
  return back;
}

static bool LocLess(const Loc& a, const Loc& b) {
  if (a.file != b.file) return a.file < b.file;  // -1 (no location) first
  if (a.sheet != b.sheet) return a.sheet < b.sheet;
  if (a.is_cell()) {
    if (a.row != b.row) return a.row < b.row;
    return a.col < b.col;
  }
  return a.offset < b.offset;
}

// Root causes first: what could not be read, parsed or resolved (input, syntax, values and
// references, the topology file) comes before the rules judged on what was read, and approvals made
// stale by a change come last, after the findings that will change the plan again.
static int Stage(DiagId id) {
  if (id == DiagId::err_approval_stale || id == DiagId::err_approval_before_change) return 2;
  const int code = Info(id).code;
  if (code < 2000 || (code >= 5000 && code < 5100)) return 0;
  return 1;
}

std::vector<const Diagnostic*> DiagEngine::Sorted() const {
  std::vector<const Diagnostic*> v;
  for (const auto& d : diags_) v.push_back(&d);
  std::stable_sort(v.begin(), v.end(), [](const Diagnostic* a, const Diagnostic* b) {
    if (a->id == DiagId::err_too_many_errors) return false;
    if (b->id == DiagId::err_too_many_errors) return true;
    if (Stage(a->id) != Stage(b->id)) return Stage(a->id) < Stage(b->id);
    return LocLess(a->loc, b->loc);
  });
  return v;
}

std::vector<const Diagnostic*> DiagEngine::Waived() const {
  std::vector<const Diagnostic*> v;
  for (const auto& d : dropped_) {
    if (!d.waiver.empty()) v.push_back(&d);
  }
  std::stable_sort(v.begin(), v.end(),
                   [](const Diagnostic* a, const Diagnostic* b) { return LocLess(a->loc, b->loc); });
  return v;
}

}  // namespace plangen
