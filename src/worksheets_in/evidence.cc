#include "worksheets_in/evidence.h"

#include <filesystem>
#include <map>

#include "util/input_file.h"
#include "util/iso8601.h"
#include "util/paths.h"
#include "util/strings.h"

namespace plangen {

namespace fs = std::filesystem;

namespace {


constexpr uint64_t kMaxEvidenceBytes = 256ull << 20;

// RFC 4180 fields of the record starting at `i`; `i` moves past its line end. Quoted fields may
// hold commas, doubled quotes and line breaks. Returns false on a quote left open.
bool ReadRecord(const std::string& text, size_t& i, std::vector<std::string>* fields) {
  fields->clear();
  std::string f;
  bool quoted = false, was_quoted = false;
  while (i < text.size()) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          f.push_back('"');
          i += 2;
          continue;
        }
        quoted = false;
        ++i;
        continue;
      }
      f.push_back(c);
      ++i;
      continue;
    }
    if (c == '"' && f.empty() && !was_quoted) {
      quoted = was_quoted = true;
      ++i;
    } else if (c == ',') {
      fields->push_back(f);
      f.clear();
      was_quoted = false;
      ++i;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      break;
    } else {
      f.push_back(c);
      ++i;
    }
  }
  if (quoted) return false;
  fields->push_back(f);
  return true;
}

bool Digits(const std::string& s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t k = at; k < at + n; ++k)
    if (s[k] < '0' || s[k] > '9') return false;
  return true;
}
int Num(const std::string& s, size_t at, size_t n) { return std::stoi(s.substr(at, n)); }

std::optional<int64_t> ParseCount(const std::string& s) {
  if (s.empty() || s.size() > 18 || !Digits(s, 0, s.size())) return std::nullopt;
  return std::stoll(s);
}

}  // namespace

std::optional<int64_t> ParseTimestamp(const std::string& t) {
  // yyyy-MM-ddTHH:mm:ss followed by Z or +hh:mm / -hh:mm
  if (t.size() < 20 || !Digits(t, 0, 4) || t[4] != '-' || !Digits(t, 5, 2) || t[7] != '-' || !Digits(t, 8, 2) ||
      (t[10] != 'T' && t[10] != ' ') || !Digits(t, 11, 2) || t[13] != ':' || !Digits(t, 14, 2) || t[16] != ':' ||
      !Digits(t, 17, 2))
    return std::nullopt;
  auto date = DateFromCivil(Num(t, 0, 4), Num(t, 5, 2), Num(t, 8, 2));
  int h = Num(t, 11, 2), m = Num(t, 14, 2), s = Num(t, 17, 2);
  if (!date || h > 23 || m > 59 || s > 60) return std::nullopt;
  int64_t offset = 0;
  std::string zone = t.substr(19);
  if (zone == "Z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && Digits(zone, 1, 2) && zone[3] == ':' &&
             Digits(zone, 4, 2)) {
    offset = (Num(zone, 1, 2) * 3600 + Num(zone, 4, 2) * 60) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  return static_cast<int64_t>(date->days) * 86400 + h * 3600 + m * 60 + s - offset;
}

bool LoadEvidence(const std::vector<std::string>& paths, Evidence* out, SourceManager& sm, DiagEngine& diags) {
  static const char* kRequired[] = {"record", "run", "start", "end", "result"};
  bool ok = true;
  for (const std::string& p : paths) {
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(p, ec)) {
      files = RegularFilesIn(p);
    } else {
      files.push_back(fs::path(p));
    }
    for (const fs::path& f : files) {
      std::string path = f.string();
      std::string text;
      InputFileError err;
      if (!ReadInputFile(path, kMaxEvidenceBytes, &text, &err)) {
        int32_t none = sm.AddFile(path, "", false);
        if (err.too_large) {
          diags.Report(DiagId::err_file_too_large, Loc::At(none, 0),
                       {path, std::to_string(err.size), std::to_string(kMaxEvidenceBytes)});
        } else {
          diags.Report(DiagId::err_file_unreadable, Loc::At(none, 0), {path, err.why});
        }
        ok = false;
        continue;
      }
      out->files.push_back(path);
      if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
      int32_t file = sm.AddFile(path, text);
      size_t i = 0;
      std::vector<std::string> header, fields;
      if (!ReadRecord(text, i, &header) || header.empty()) {
        diags.Report(DiagId::err_evidence_malformed, Loc::At(file, 0), {"the file has no header line"});
        continue;
      }
      std::map<std::string, size_t> col;
      for (size_t k = 0; k < header.size(); ++k) col[AsciiLower(header[k])] = k;
      bool complete = true;
      for (const char* name : kRequired) {
        if (!col.count(name)) {
          diags.Report(DiagId::err_evidence_malformed, Loc::At(file, 0),
                       {std::string("the header has no column '") + name + "'"});
          complete = false;
        }
      }
      if (!complete) continue;
      while (i < text.size()) {
        size_t begin = i;
        if (!ReadRecord(text, i, &fields)) {
          diags.Report(DiagId::err_evidence_malformed, Loc::At(file, static_cast<uint32_t>(begin)),
                       {"a quoted field is not closed"});
          break;
        }
        if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
        Loc loc = Loc::At(file, static_cast<uint32_t>(begin));
        if (fields.size() != header.size()) {
          diags.Report(DiagId::err_evidence_malformed, loc,
                       {"the row has " + std::to_string(fields.size()) + " fields, the header " +
                        std::to_string(header.size())});
          continue;
        }
        auto get = [&](const char* name) {
          auto it = col.find(name);
          return it == col.end() ? std::string() : fields[it->second];
        };
        EvidenceRow r;
        r.loc = loc;
        r.record = get("record");
        r.run = get("run");
        r.plan = get("plan");
        r.backup = get("backup");
        r.location = get("location");
        r.offsite = get("offsite");
        r.scenario = get("scenario");
        r.step = get("step");
        r.role = get("role");
        r.result = get("result");
        r.message = get("message");
        r.start_text = get("start");
        r.end_text = get("end");
        r.start = ParseTimestamp(r.start_text);
        r.end = ParseTimestamp(r.end_text);
        bool good = true;
        auto bad = [&](const std::string& value, const char* what, const char* column) {
          diags.Report(DiagId::err_evidence_bad_value, loc, {value, what, column});
          good = false;
        };
        if (r.record != "backup" && r.record != "drill-step") bad(r.record, "record kind (backup or drill-step)", "record");
        if (!r.start) bad(r.start_text, "time (2026-11-30T01:00:04-08:00)", "start");
        if (!r.end) bad(r.end_text, "time (2026-11-30T01:00:04-08:00)", "end");
        if (r.result != "ok" && r.result != "failed") bad(r.result, "result (ok or failed)", "result");
        if (r.record == "backup" && (r.backup.empty() || r.location.empty())) bad(r.backup, "backup and location", "backup");
        if (r.record == "drill-step" && (r.scenario.empty() || r.step.empty())) bad(r.scenario, "scenario and step", "scenario");
        std::string bytes = get("bytes"), count = get("files");
        if (!bytes.empty() && !(r.bytes = ParseCount(bytes))) bad(bytes, "number of bytes", "bytes");
        if (!count.empty() && !(r.files = ParseCount(count))) bad(count, "number of files", "files");
        if (good) out->rows.push_back(std::move(r));
      }
    }
  }
  return ok;
}

}  // namespace plangen
