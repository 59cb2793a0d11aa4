// The man page and the bash and zsh completions, written from the same option tables as --help
// (Commands()), so that a new command or option appears in all of them at once. The build runs
// 'plangen __generate man|bash|zsh' and 'meson install' installs what it prints.
#pragma once

#include <string>
#include <vector>

#include "driver/commands.h"

namespace plangen {

/// plangen.1, in the man(7) macros.
std::string ManPage(const std::vector<Command>& commands, const std::string& version);
/// A bash completion script defining _plangen and registering it for plangen. Plain bash: it
/// needs neither the bash-completion package nor its helpers.
std::string BashCompletion(const std::vector<Command>& commands);
/// A zsh completion function (_plangen) for a folder in $fpath.
std::string ZshCompletion(const std::vector<Command>& commands);

/// The hidden command 'plangen __generate KIND': KIND is man, bash, zsh, or data-dir (where plangen
/// finds its profiles and templates). Returns the exit code.
int RunGenerate(const std::vector<std::string>& args);

}  // namespace plangen
