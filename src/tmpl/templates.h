// Mustache templates: found in the user's --templates folder first, then in plangen's own
// templates/; validated when loaded; rendered with strict key checking and a per-format escape.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "diag/diagnostic.h"

namespace plangen {

using TemplateData = kainjow::mustache::data;

/// HTML escaping (&, <, >, ", ').
std::string EscapeHtml(const std::string& s);
/// XML escaping (&, <, >, ", '), leaving out the characters XML 1.0 does not allow (control
/// characters but tab and line feed, U+FFFE, U+FFFF).
std::string EscapeXml(const std::string& s);
/// Markdown escaping for GitHub-flavoured Markdown inline text: every punctuation character that
/// could start markup is backslash-escaped, '|' too (tables), and line breaks become <br>.
std::string EscapeMarkdown(const std::string& s);
/// Text inside a Markdown code span or block: no escaping, but backticks are kept from closing it.
std::string EscapeMarkdownCode(const std::string& s);

/// What a filter section's text passes through: Feed takes the text in pieces, in order, and
/// Finish ends it; the filter hands what it makes to the sink it was made with.
class TextFilter {
 public:
  virtual ~TextFilter() = default;
  virtual void Feed(const std::string& piece) = 0;
  virtual void Finish() = 0;
};
using TextFilterFactory = std::function<std::unique_ptr<TextFilter>(std::function<void(const std::string&)> sink)>;

/// Data for a section {{#key}}...{{/key}} whose text is rendered with the current data and
/// passed through the filter `make` makes. In a template rendered by TemplateSet, a section whose
/// opening tag starts a line (and is not inside another such section) streams: its text goes
/// through the filter into the output as it is rendered, never held whole. Anywhere else, or
/// rendered by another renderer, it is rendered whole, then filtered; the text is the same.
TemplateData FilterSection(TextFilterFactory make);

/// A list of `count` items made one at a time, as a template enters each, and dropped as it leaves:
/// item i of the list stands in for `make(i)` and holds only `cheap(i)` (the keys a list of
/// contents reads, say). TemplateSet's renderer makes the whole item when a key the stand-in lacks
/// is looked up inside it; keys added to a stand-in later are kept over the whole item's. A
/// runbook of 100,000 backups never holds more than one backup's data at once.
TemplateData LazyList(size_t count, std::function<TemplateData(size_t)> cheap,
                      std::function<TemplateData(size_t)> make);

/// The whole item a LazyList stand-in stands for, as `make` makes it (without keys added to the
/// stand-in), for code that reads a view; any other data, as it is.
TemplateData Materialize(const TemplateData& item);

/// Safe to render from several threads at once: each file is read once and kept.
class TemplateSet {
 public:
  /// `user_dir` may be empty. `default_dir` is plangen's templates/ folder.
  TemplateSet(std::string user_dir, std::string default_dir) : user_dir_(std::move(user_dir)), default_dir_(std::move(default_dir)) {}

  /// Renders templates/<name> (for example "runbook/runbook.md.mustache") with `data`. Partials
  /// {{> name}} are read from partials/<name>.mustache beside it. Escaping follows the file's
  /// format (.md: Markdown, .html: HTML, the parts of a Word document under docx/: XML,
  /// anything else: none). Reports template errors and keys
  /// missing from the data (PG3xxx) and returns false; only then is the template registered with
  /// `sm`, to point at.
  bool Render(const std::string& name, const TemplateData& data, std::string* out, DiagEngine& diags, SourceManager& sm);
  /// Where a rendering goes, piece by piece, in order.
  using TextSink = std::function<void(const std::string&)>;
  /// Render, handing the text to `write` as it is made instead of holding all of it (an output
  /// of tens of megabytes goes straight to its file). On failure, what was written is partial.
  bool RenderTo(const std::string& name, const TemplateData& data, const TextSink& write, DiagEngine& diags,
                SourceManager& sm);

 private:
  struct File {
    bool found = false;
    std::string text, shown;
    /// The texts of the sections whose opening tag starts a line: the ones a FilterSection may
    /// stream (none when the template changes its delimiters).
    std::set<std::string> line_sections;
  };
  /// templates/<rel> as found in the user's folder or plangen's, read on first use.
  const File& Read(const std::string& rel);
  bool ReadFromDisk(const std::string& rel, std::string* text, std::string* shown) const;
  std::string user_dir_, default_dir_;
  std::mutex mutex_;
  std::map<std::string, File> files_;  // by rel; never erased, so references stay valid
  /// Templates parsed once and rendered many times (a build renders thousands of scripts from one
  /// template), each by the one thread that made it: kainjow's templates keep state while they
  /// render. Empty while its thread renders it.
  std::map<std::pair<std::thread::id, std::string>, std::unique_ptr<kainjow::mustache::mustache>> parsed_;
};

}  // namespace plangen
