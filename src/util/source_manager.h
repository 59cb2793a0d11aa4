// Owns the text of every input file and maps byte offsets to line:column.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace plangen {

/// A place in an input: an XML offset, a worksheet cell, or nothing.
/// Resolved to line:column or Sheet!Cell only when a diagnostic is printed.
struct Loc {
  int32_t file = -1;      ///< SourceManager file id; -1 means no location
  uint32_t offset = 0;    ///< byte offset into the file's UTF-8 text (XML inputs)
  int32_t sheet = -1;     ///< sheet index within the file (worksheet inputs), else -1
  uint32_t row = 0;       ///< 1-based row of a worksheet cell
  uint32_t col = 0;       ///< 1-based column of a worksheet cell

  bool valid() const { return file >= 0; }
  bool is_cell() const { return sheet >= 0; }
  static Loc At(int32_t file, uint32_t offset) { Loc l; l.file = file; l.offset = offset; return l; }
  static Loc Cell(int32_t file, int32_t sheet, uint32_t row, uint32_t col) {
    Loc l; l.file = file; l.sheet = sheet; l.row = row; l.col = col; return l;
  }
};

/// A location as a person reads it.
struct ResolvedLoc {
  std::string file;
  int line = 0;       ///< 1-based, 0 when unknown
  int column = 0;     ///< 1-based, in characters (code points)
  std::string sheet;  ///< for cells
  std::string cell;   ///< "D7" for cells
  std::string source_line;  ///< the text of the line, for carets
};

/// "A", "B", ... "Z", "AA" for a 1-based column number.
std::string ColumnName(uint32_t col);
/// "D7" for row 7, column 4.
std::string CellName(uint32_t row, uint32_t col);

/// Files registered by one task while tasks run side by side: kept aside under provisional ids
/// (kPendingFileBase + n) and added in task order once the tasks are done, so that every file
/// gets the id a one-thread run gives it (see DiagEngine's captures).
struct PendingFiles {
  struct File {
    std::string name, text;
    bool has_lines = true;
    std::vector<std::string> sheets;
  };
  std::vector<File> files;
};
inline constexpr int32_t kPendingFileBase = 1 << 30;

class SourceManager {
 public:
  /// While `pending` is set on the calling thread (with this manager), AddFile and AddSheet on
  /// this thread keep files in it instead; null ends that.
  void SetThreadPending(PendingFiles* pending) const;
  /// Adds the files kept aside in `pending`, in order; returns their ids (index n for
  /// kPendingFileBase + n).
  std::vector<int32_t> AddPending(PendingFiles pending);
  /// Works out every file's line table now, so that later readers on several threads only read.
  void IndexLines() const;

  /// Registers a file: `display` is the name printed in diagnostics, `text` its UTF-8 text
  /// (may be empty for binary inputs such as .xlsx). Returns its id.
  /// `has_lines` is false for inputs that have no lines to point at (binary files, files that
  /// could not be read): their findings print as `file: error: ...`.
  int32_t AddFile(std::string display, std::string text, bool has_lines = true);
  /// Registers a sheet name for a file and returns its index.
  int32_t AddSheet(int32_t file, std::string name);

  const std::string& Name(int32_t file) const { return files_[file].name; }
  const std::string& Text(int32_t file) const { return files_[file].text; }
  std::string& MutableText(int32_t file) { return files_[file].text; }
  int32_t FileCount() const { return static_cast<int32_t>(files_.size()); }

  /// 1-based line and column (in code points) of a byte offset.
  void LineColumn(int32_t file, uint32_t offset, int* line, int* column) const;
  /// Byte offset of a 1-based line and column; the inverse of LineColumn.
  uint32_t Offset(int32_t file, int line, int column) const;
  ResolvedLoc Resolve(const Loc& loc) const;

  /// How files are named in what a build writes, so that outputs do not depend on the current
  /// folder or on how a path was typed: a file under `plan_dir` by its path from there, else a
  /// file under `data_dir` (plangen's own profiles) by its path from there, else by its path from
  /// `plan_dir` ("../topology/lync.tbxml"). A name that is not a file on disk (from the current
  /// folder, when the file is added) stays as it is. Until this is called, outputs use the names
  /// diagnostics print.
  void SetOutputRoots(const std::string& plan_dir, const std::string& data_dir);
  /// The name of `file` in outputs (see SetOutputRoots).
  std::string OutputName(int32_t file) const;
  /// Resolve() with the file named as in outputs.
  ResolvedLoc ResolveForOutput(const Loc& loc) const;

  /// An input file as it was read from disk: its bytes and how many times it was read.
  class Input {
   public:
    const std::string& bytes() const { return same_as_text_ ? *same_as_text_ : bytes_; }
    int reads = 0;

   private:
    friend class SourceManager;
    std::string bytes_;
    const std::string* same_as_text_ = nullptr;  // the text of the file read from it, when byte for byte the same
  };
  /// Keeps the bytes just read from `path` (ReadFileBytes calls this for every input), so that
  /// later stages (the audit package) use exactly what was checked instead of reading again.
  void KeepInput(const std::string& path, std::string bytes);
  /// When the text of `file` is the very bytes read from `path` (UTF-8 without a byte order mark,
  /// as most inputs are), keeps them once: the input's bytes become a view of that text.
  void ShareInputWithText(const std::string& path, int32_t file);
  /// The bytes read from `path` (any spelling of the same file), or null when it was not read.
  const std::string* InputBytes(const std::string& path) const;
  /// Every input read, by canonical path.
  const std::map<std::string, Input>& Inputs() const { return inputs_; }

 private:
  struct File {
    std::string name;
    std::string text;
    std::vector<std::string> sheets;
    mutable std::vector<uint32_t> line_starts;  // built on first use
    bool has_lines = true;
    std::string output_name;  // OutputName, worked out when added or when the roots are set
    bool output_named = false;
  };
  const std::vector<uint32_t>& LineStarts(int32_t file) const;
  void NameForOutput(File& f) const;
  std::deque<File> files_;
  std::string output_plan_dir_, output_data_dir_;  // canonical, empty until SetOutputRoots
  std::map<std::string, Input> inputs_;
};

}  // namespace plangen
