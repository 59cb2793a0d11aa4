#include "driver/option_table.h"

#include <sstream>

#include "util/edit_distance.h"

namespace plangen {

std::string ParsedArgs::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ParsedArgs::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::string ParsedArgs::Positional(const std::string& name, const std::string& fallback) const {
  auto it = positionals_.find(name);
  return it == positionals_.end() ? fallback : it->second;
}

OptionSpec Flag(const std::string& long_name, const std::string& help, char short_name) {
  OptionSpec o;
  o.long_name = long_name;
  o.short_name = short_name;
  o.help = help;
  return o;
}

OptionSpec Value(const std::string& long_name, const std::string& value_name, const std::string& help,
                 const std::string& default_value, Completion completion, std::vector<std::string> choices, char short_name) {
  OptionSpec o = Flag(long_name, help, short_name);
  o.kind = ArgKind::kValue;
  o.value_name = value_name;
  o.default_value = default_value;
  o.completion = completion;
  o.choices = std::move(choices);
  return o;
}

OptionSpec Values(const std::string& long_name, const std::string& value_name, const std::string& help,
                  Completion completion, char short_name) {
  OptionSpec o = Value(long_name, value_name, help, "", completion, {}, short_name);
  o.kind = ArgKind::kValues;
  return o;
}

OptionSpec Repeated(const std::string& long_name, const std::string& value_name, const std::string& help, char short_name) {
  OptionSpec o = Value(long_name, value_name, help, "", Completion::kNone, {}, short_name);
  o.kind = ArgKind::kRepeated;
  return o;
}

OptionSpec Hidden(OptionSpec o) {
  o.hidden = true;
  return o;
}

namespace {

const OptionSpec* FindLong(const CommandSpec& spec, const std::string& name) {
  for (const OptionSpec& o : spec.options) {
    if (o.long_name == name) return &o;
  }
  return nullptr;
}

const OptionSpec* FindShort(const CommandSpec& spec, char c) {
  for (const OptionSpec& o : spec.options) {
    if (o.short_name == c) return &o;
  }
  return nullptr;
}

bool LooksLikeOption(const std::string& a) { return a.size() > 1 && a[0] == '-'; }

std::string Display(const OptionSpec& o) { return (o.long_name.size() == 1 ? "-" : "--") + o.long_name; }

std::string UnknownOption(const CommandSpec& spec, const std::string& given) {
  std::vector<std::string> names;
  for (const OptionSpec& o : spec.options) {
    if (!o.hidden) names.push_back(Display(o));
  }
  std::string word = given.substr(0, given.find('='));
  std::string s = Suggest(word, names);
  return "unknown option '" + word + "'" + (s.empty() ? "" : "; did you mean '" + s + "'?");
}

std::string PositionalList(const CommandSpec& spec) {
  if (spec.positionals.empty()) return "no arguments";
  std::string s;
  for (size_t i = 0; i < spec.positionals.size(); ++i) s += (i ? " " : "") + spec.positionals[i].name;
  return s;
}

}  // namespace

bool ParseArgs(const CommandSpec& spec, const std::vector<std::string>& args, ParsedArgs* out, std::string* error) {
  std::vector<std::string> positionals;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || !LooksLikeOption(a)) {
      positionals.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    const OptionSpec* o = nullptr;
    std::string inline_value;
    bool has_inline = false;
    if (a.compare(0, 2, "--") == 0) {
      std::string name = a.substr(2);
      if (auto eq = name.find('='); eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_inline = true;
      }
      o = FindLong(spec, name);
    } else {
      o = FindShort(spec, a[1]);
      if (o && a.size() > 2) {
        if (o->kind == ArgKind::kFlag) o = nullptr;  // no bundled flags
        else {
          inline_value = a.substr(2);
          has_inline = true;
        }
      }
    }
    if (!o) {
      *error = UnknownOption(spec, a);
      return false;
    }
    std::vector<std::string>& slot = out->values_[o->long_name];
    if (o->kind == ArgKind::kFlag) {
      if (has_inline) {
        *error = Display(*o) + " takes no value";
        return false;
      }
      continue;
    }
    if (o->kind == ArgKind::kValue && !slot.empty()) {
      *error = Display(*o) + " is given twice ('" + slot.back() + "' and '" +
               (has_inline ? inline_value : (i + 1 < args.size() ? args[i + 1] : std::string())) + "'); give it once";
      return false;
    }
    if (has_inline) {
      if (inline_value.empty()) {
        *error = Display(*o) + " needs a value (" + o->value_name + ")";
        return false;
      }
      slot.push_back(inline_value);
      continue;
    }
    if (i + 1 >= args.size() || LooksLikeOption(args[i + 1])) {
      *error = Display(*o) + " needs a value (" + o->value_name + ")";
      return false;
    }
    slot.push_back(args[++i]);
    if (o->kind == ArgKind::kValues) {
      while (i + 1 < args.size() && !LooksLikeOption(args[i + 1])) slot.push_back(args[++i]);
    }
  }
  if (positionals.size() > spec.positionals.size()) {
    const std::string& extra = positionals[spec.positionals.size()];
    *error = "unexpected argument '" + extra + "' (plangen " + spec.name + " takes " + PositionalList(spec) + ")";
    return false;
  }
  for (size_t i = 0; i < spec.positionals.size(); ++i) {
    if (i < positionals.size()) {
      out->positionals_[spec.positionals[i].name] = positionals[i];
    } else if (spec.positionals[i].required && !out->Has("help")) {
      *error = "missing " + spec.positionals[i].name + " (" + spec.positionals[i].help + ")";
      return false;
    }
  }
  return true;
}

std::string UsageLine(const CommandSpec& spec) {
  std::string s = "usage: plangen " + spec.name;
  if (!spec.options.empty()) s += " [options]";
  for (const PositionalSpec& p : spec.positionals) s += p.required ? " " + p.name : " [" + p.name + "]";
  return s;
}

namespace {

void Row(std::ostringstream& out, const std::string& left, const std::string& help) {
  const size_t column = 26;
  out << "  " << left;
  if (left.size() + 2 >= column) out << "\n" << std::string(column, ' ');
  else out << std::string(column - left.size() - 2, ' ');
  out << help << "\n";
}

}  // namespace

std::string CommandHelp(const CommandSpec& spec) {
  std::ostringstream out;
  out << UsageLine(spec) << "\n\n" << spec.description << "\n";
  if (!spec.positionals.empty()) {
    out << "\narguments:\n";
    for (const PositionalSpec& p : spec.positionals) Row(out, p.name, p.help);
  }
  if (!spec.options.empty()) {
    out << "\noptions:\n";
    for (const OptionSpec& o : spec.options) {
      if (o.hidden) continue;
      std::string left;
      if (o.long_name.size() == 1) left = "-" + o.long_name;
      else left = (o.short_name ? std::string("-") + o.short_name + ", " : "    ") + "--" + o.long_name;
      if (o.kind != ArgKind::kFlag) left += " " + o.value_name;
      if (o.kind == ArgKind::kValues || o.kind == ArgKind::kRepeated) left += "...";
      std::string help = o.help;
      if (!o.default_value.empty()) help += " (default: " + o.default_value + ")";
      Row(out, left, help);
    }
  }
  if (!spec.exit_codes.empty()) {
    out << "\nexit status:\n";
    for (const auto& [code, meaning] : spec.exit_codes) out << "  " << code << "  " << meaning << "\n";
  }
  if (!spec.examples.empty()) {
    out << "\nexamples:\n";
    for (const std::string& e : spec.examples) out << "  " << e << "\n";
  }
  return out.str();
}

}  // namespace plangen
