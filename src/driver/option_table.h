// The command line as data: each subcommand's arguments and options are rows in a table, and the
// parser, --help, the shell completions and the man page are all produced from those rows.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace plangen {

enum class ArgKind {
  kFlag,    ///< --quiet
  kValue,   ///< --as-of DATE (given at most once)
  kValues,  ///< --worksheets FILE... (takes every following argument up to the next option; repeatable)
  kRepeated,  ///< -W CODE=LEVEL (one value each time; repeatable)
};

/// What a shell may complete a value with.
enum class Completion { kNone, kFile, kDir, kChoice, kCode, kCommand };

struct OptionSpec {
  std::string long_name;        ///< without the leading "--"
  char short_name = 0;          ///< 0 when there is none
  ArgKind kind = ArgKind::kFlag;
  std::string value_name;       ///< DATE, FILE, DIR... (empty for a flag)
  std::string help;
  std::string default_value;    ///< shown in the help; empty when there is none
  Completion completion = Completion::kNone;
  std::vector<std::string> choices;  ///< for Completion::kChoice
  bool hidden = false;          ///< accepted but not documented (test hooks)
};

/// --name, a flag.
OptionSpec Flag(const std::string& long_name, const std::string& help, char short_name = 0);
/// --name VALUE, given at most once.
OptionSpec Value(const std::string& long_name, const std::string& value_name, const std::string& help,
                 const std::string& default_value = "", Completion completion = Completion::kNone,
                 std::vector<std::string> choices = {}, char short_name = 0);
/// --name VALUE..., repeatable.
OptionSpec Values(const std::string& long_name, const std::string& value_name, const std::string& help,
                  Completion completion = Completion::kNone, char short_name = 0);
/// -x VALUE, one value each time, repeatable (a one-letter long_name is shown as -x only).
OptionSpec Repeated(const std::string& long_name, const std::string& value_name, const std::string& help, char short_name = 0);
/// A documented-nowhere option for tests.
OptionSpec Hidden(OptionSpec o);

struct PositionalSpec {
  std::string name;             ///< PLAN, DIR, ...
  std::string help;
  bool required = false;
  Completion completion = Completion::kFile;
};

/// One subcommand's arguments, options and documentation.
struct CommandSpec {
  std::string name;
  std::string summary;          ///< one line, for the command list
  std::string description;      ///< a paragraph, for --help and the man page
  std::vector<PositionalSpec> positionals;
  std::vector<OptionSpec> options;
  std::vector<std::pair<std::string, std::string>> exit_codes;  ///< {"0", "the plan is clean"}, ...
  std::vector<std::string> examples;
};

/// What a command line said, by long option name.
class ParsedArgs {
 public:
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  /// The value of a kValue option, or `fallback` when it was not given.
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  /// Every value of a kValues option, in order.
  std::vector<std::string> GetAll(const std::string& name) const;
  /// The positional named `name`, or `fallback`.
  std::string Positional(const std::string& name, const std::string& fallback = "") const;
  bool HasPositional(const std::string& name) const { return positionals_.count(name) > 0; }

  std::map<std::string, std::vector<std::string>> values_;
  std::map<std::string, std::string> positionals_;
};

/// Parses `args` (without the program and command names). Accepts `--name VALUE`,
/// `--name=VALUE`, `-x VALUE`, `-xVALUE`, `--name A B` for kValues, and `--` before positionals.
/// Returns false with a message for an unknown option (with a did-you-mean), a missing value,
/// a value given twice, a missing required argument or an argument the command does not take.
bool ParseArgs(const CommandSpec& spec, const std::vector<std::string>& args, ParsedArgs* out, std::string* error);

/// "usage: plangen check [options] [PLAN]".
std::string UsageLine(const CommandSpec& spec);
/// The whole --help text.
std::string CommandHelp(const CommandSpec& spec);

}  // namespace plangen
