#include "driver/shell_docs.h"

#include <iostream>
#include <sstream>

#include "diag/diagnostic.h"
#include "driver/commands.h"
#include "plangen_config.h"
#include "util/data_dir.h"

namespace plangen {

namespace {

// The spellings an option is given with: "--as-of", and "-o" when it has a short name. A
// one-letter long name (-W) is written with one dash only.
std::vector<std::string> Spellings(const OptionSpec& o) {
  std::vector<std::string> out;
  out.push_back((o.long_name.size() == 1 ? "-" : "--") + o.long_name);
  if (o.short_name && out.front() != std::string("-") + o.short_name) out.push_back(std::string("-") + o.short_name);
  return out;
}

std::string CommandNames(const std::vector<Command>& commands) {
  std::string out;
  for (const Command& c : commands) out += (out.empty() ? "" : " ") + c.spec.name;
  return out;
}

std::string Codes() {
  std::string out;
  for (DiagId id : AllDiagIds()) out += (out.empty() ? "" : " ") + CodeString(id);
  return out;
}

// ---------------------------------------------------------------- man page

// Text for the body of a man page: backslashes escaped, dashes made minus signs, and a line that
// would start with a control character (. or ') protected.
std::string Roff(const std::string& s) {
  std::string out;
  bool line_start = true;
  for (char c : s) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

// A paragraph of the help text: its line breaks are for an 80-column terminal, so man fills it again.
std::string Paragraph(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return Roff(out);
}

std::string OptionLeft(const OptionSpec& o) {
  std::string left;
  std::vector<std::string> sp = Spellings(o);
  for (size_t i = sp.size(); i-- > 0;) left += "\\fB" + Roff(sp[i]) + "\\fR" + (i ? ", " : "");
  if (o.kind != ArgKind::kFlag) left += " \\fI" + Roff(o.value_name) + "\\fR";
  if (o.kind == ArgKind::kValues || o.kind == ArgKind::kRepeated) left += "...";
  return left;
}

}  // namespace

std::string ManPage(const std::vector<Command>& commands, const std::string& version) {
  std::ostringstream out;
  out << ".\\\" plangen.1, written by 'plangen __generate man' from the option tables of --help.\n"
      << ".TH PLANGEN 1 \"\" \"plangen " << Roff(version) << "\" \"User Commands\"\n"
      << ".SH NAME\nplangen \\- compile backup and restoration plans for Lync Server 2013\n"
      << ".SH SYNOPSIS\n";
  for (const Command& c : commands) {
    out << ".B plangen " << Roff(c.spec.name) << "\n";
    std::string rest = c.spec.options.empty() ? "" : "[options]";
    for (const PositionalSpec& p : c.spec.positionals) rest += (rest.empty() ? "" : " ") + (p.required ? p.name : "[" + p.name + "]");
    if (!rest.empty()) out << Roff(rest) << "\n";
    out << ".br\n";
  }
  out << ".SH DESCRIPTION\n"
      << "plangen compiles a backup and restoration plan: it checks plan.xml and the returned worksheets, and\n"
      << "emits runbooks, worksheets, checklists, calendars and an audit package. With no arguments in a\n"
      << "folder holding plan.xml, plangen builds it into out/.\n"
      << ".SH COMMANDS\n";
  for (const Command& c : commands) {
    const CommandSpec& s = c.spec;
    out << ".SS \"" << Roff(UsageLine(s).substr(std::string("usage: ").size())) << "\"\n" << Paragraph(s.description) << "\n";
    for (const PositionalSpec& p : s.positionals) out << ".TP\n\\fI" << Roff(p.name) << "\\fR\n" << Paragraph(p.help) << "\n";
    for (const OptionSpec& o : s.options) {
      if (o.hidden) continue;
      std::string help = o.help;
      if (!o.default_value.empty()) help += " (default: " + o.default_value + ")";
      out << ".TP\n" << OptionLeft(o) << "\n" << Paragraph(help) << "\n";
    }
    if (!s.exit_codes.empty()) {
      out << ".PP\nExit status:\n";
      for (const auto& [code, meaning] : s.exit_codes) out << ".TP\n.B " << Roff(code) << "\n" << Paragraph(meaning) << "\n";
    }
    if (!s.examples.empty()) {
      out << ".PP\nExample:\n";
      for (const std::string& e : s.examples) out << ".PP\n.RS\n" << Roff(e) << "\n.RE\n";
    }
  }
  out << ".SH EXIT STATUS\n"
      << "0 success; 1 the plan has errors (or, for verify, the package differs; for diff, the meaning changed);\n"
      << "2 bad usage or an input that cannot be read.\n"
      << ".SH ENVIRONMENT\n"
      << ".TP\n.B PLANGEN_DATA_DIR\nwhere plangen finds its profiles (worksheets/) and templates (templates/), instead of\n"
      << "the folder it was installed with.\n"
      << ".TP\n.B NO_COLOR\nno colour on a terminal unless \\fB\\-\\-color=always\\fR is given.\n"
      << ".TP\n.B SOURCE_DATE_EPOCH\ntoday's date, in seconds since 1970, for reproducible builds.\n"
      << ".SH SEE ALSO\n"
      << "\\fBplangen explain \\-\\-markdown\\fR prints every diagnostic and its explanation.\n";
  return out.str();
}

// ---------------------------------------------------------------- bash

namespace {

// The bash words that complete a value of this kind, for "COMPREPLY=(...)".
std::string BashValues(Completion kind, const std::vector<std::string>& choices, const std::string& commands) {
  switch (kind) {
    case Completion::kFile: return "$(compgen -f -- \"$cur\")";
    case Completion::kDir: return "$(compgen -d -- \"$cur\")";
    case Completion::kChoice: {
      std::string words;
      for (const std::string& c : choices) words += (words.empty() ? "" : " ") + c;
      return "$(compgen -W '" + words + "' -- \"$cur\")";
    }
    case Completion::kCode: return "$(compgen -W \"$codes\" -- \"$cur\")";
    case Completion::kCommand: return "$(compgen -W '" + commands + "' -- \"$cur\")";
    case Completion::kNone: return "";
  }
  return "";
}

}  // namespace

std::string BashCompletion(const std::vector<Command>& commands) {
  const std::string names = CommandNames(commands);
  std::ostringstream out;
  out << "# bash completion for plangen, written by 'plangen __generate bash' from the option tables of --help.\n"
      << "_plangen() {\n"
      << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\"\n"
      << "  [ \"$COMP_CWORD\" -gt 0 ] && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
      << "  local codes='" << Codes() << "'\n"
      << "  COMPREPLY=()\n"
      << "  if [ \"$COMP_CWORD\" -le 1 ]; then\n"
      << "    COMPREPLY=($(compgen -W '" << names << " --help --version' -- \"$cur\"))\n"
      << "    return 0\n"
      << "  fi\n"
      << "  # --name=VALUE is completed as VALUE.\n"
      << "  if [[ \"$cur\" == --*=* ]]; then prev=\"${cur%%=*}\"; cur=\"${cur#*=}\"; fi\n"
      << "  case \"${COMP_WORDS[1]}\" in\n";
  for (const Command& c : commands) {
    const CommandSpec& s = c.spec;
    out << "    " << s.name << ")\n";
    std::string options;
    bool has_values = false;
    for (const OptionSpec& o : s.options) {
      if (o.hidden) continue;
      for (const std::string& sp : Spellings(o)) options += (options.empty() ? "" : " ") + sp;
      has_values = has_values || o.kind != ArgKind::kFlag;
    }
    if (has_values) {
      out << "      case \"$prev\" in\n";
      for (const OptionSpec& o : s.options) {
        if (o.hidden || o.kind == ArgKind::kFlag) continue;
        std::string pattern;
        for (const std::string& sp : Spellings(o)) pattern += (pattern.empty() ? "" : "|") + sp;
        out << "        " << pattern << ") COMPREPLY=(" << BashValues(o.completion, o.choices, names) << "); return 0 ;;\n";
      }
      out << "      esac\n";
    }
    out << "      if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W '" << options << "' -- \"$cur\")); return 0; fi\n";
    if (!s.positionals.empty()) {
      const PositionalSpec& p = s.positionals.front();
      std::string values = BashValues(p.completion, {}, names);
      if (!values.empty()) out << "      COMPREPLY=(" << values << ")\n";
    }
    out << "      ;;\n";
  }
  out << "  esac\n"
      << "  return 0\n"
      << "}\n"
      << "complete -o filenames -o bashdefault -F _plangen plangen\n";
  return out.str();
}

// ---------------------------------------------------------------- zsh

namespace {

// Text inside a single-quoted zsh word, in an _arguments description (where [ ] and : are special).
std::string ZshText(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else if (c == '[' || c == ']' || c == ':' || c == '\\') out += std::string("\\") + c;
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string ZshAction(Completion kind, const std::vector<std::string>& choices) {
  switch (kind) {
    case Completion::kFile: return "_files";
    case Completion::kDir: return "_files -/";
    case Completion::kChoice: {
      std::string words;
      for (const std::string& c : choices) words += (words.empty() ? "" : " ") + c;
      return "(" + words + ")";
    }
    case Completion::kCode: return "($plangen_codes)";
    case Completion::kCommand: return "(${plangen_commands%%:*})";
    case Completion::kNone: return " ";
  }
  return " ";
}

}  // namespace

std::string ZshCompletion(const std::vector<Command>& commands) {
  std::ostringstream out;
  out << "#compdef plangen\n"
      << "# zsh completion for plangen, written by 'plangen __generate zsh' from the option tables of --help.\n"
      << "_plangen() {\n"
      << "  local -a plangen_commands plangen_codes\n"
      << "  plangen_commands=(\n";
  for (const Command& c : commands) out << "    '" << c.spec.name << ":" << ZshText(c.spec.summary) << "'\n";
  out << "  )\n"
      << "  plangen_codes=(" << Codes() << ")\n"
      << "  if (( CURRENT == 2 )); then\n"
      << "    _describe -t commands 'plangen command' plangen_commands\n"
      << "    compadd -- --help --version\n"
      << "    return\n"
      << "  fi\n"
      << "  local command=$words[2]\n"
      << "  shift words\n"
      << "  (( CURRENT-- ))\n"
      << "  case $command in\n";
  for (const Command& c : commands) {
    const CommandSpec& s = c.spec;
    out << "    " << s.name << ")\n      _arguments -s";
    for (const OptionSpec& o : s.options) {
      if (o.hidden) continue;
      bool repeat = o.kind == ArgKind::kValues || o.kind == ArgKind::kRepeated;
      for (const std::string& sp : Spellings(o)) {
        std::string spec = (repeat ? "*" : "") + sp;
        if (o.kind != ArgKind::kFlag) spec += sp.size() > 2 ? "=" : "+";
        spec += "[" + ZshText(o.help) + "]";
        if (o.kind != ArgKind::kFlag) spec += ":" + ZshText(o.value_name) + ":" + ZshAction(o.completion, o.choices);
        out << " \\\n        '" << spec << "'";
      }
    }
    int n = 1;
    for (const PositionalSpec& p : s.positionals) {
      out << " \\\n        '" << n++ << (p.required ? ":" : "::") << ZshText(p.name) << ":" << ZshAction(p.completion, {}) << "'";
    }
    out << "\n      ;;\n";
  }
  out << "  esac\n"
      << "}\n"
      << "_plangen \"$@\"\n";
  return out.str();
}

int RunGenerate(const std::vector<std::string>& args) {
  const std::string kind = args.empty() ? "" : args.front();
  if (args.size() != 1 || (kind != "man" && kind != "bash" && kind != "zsh" && kind != "data-dir")) {
    std::cerr << "usage: plangen __generate man|bash|zsh|data-dir\n";
    return 2;
  }
  if (kind == "man") std::cout << ManPage(Commands(), PLANGEN_VERSION);
  if (kind == "bash") std::cout << BashCompletion(Commands());
  if (kind == "zsh") std::cout << ZshCompletion(Commands());
  if (kind == "data-dir") std::cout << DataDir() << "\n";
  return 0;
}

}  // namespace plangen
