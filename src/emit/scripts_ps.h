// How plan text enters a PowerShell script or a Task Scheduler definition: as data, never as
// code. Every value is a single-quoted PowerShell literal, an XML-escaped string, or an
// identifier checked against a narrow alphabet.
#pragma once

#include <string>

namespace plangen {

/// `text` as a PowerShell single-quoted string literal: 'it''s'. PowerShell also closes a
/// single-quoted string on the typographic quotes U+2018, U+2019, U+201A and U+201B, so those are
/// doubled too; nothing inside a single-quoted string is expanded ($, backtick, $(...) stay text).
/// Control characters other than tab, CR and LF become U+FFFD.
std::string PsLiteral(const std::string& text);

/// True when `name` may be written bare into a script as part of a function or variable name:
/// 1 to 64 characters of A-Z, a-z, 0-9 and '-', starting with a letter or digit.
bool IsPsIdentifier(const std::string& name);

/// `name` reduced to a valid identifier part: characters outside A-Z, a-z, 0-9 become '-', runs
/// collapse, at most 40 characters; "x" when nothing is left.
std::string PsIdentifierPart(const std::string& name);

/// Text for XML character data and attribute values (&, <, >, ", ' escaped; control characters
/// other than tab, CR and LF dropped: XML 1.0 cannot hold them).
std::string XmlText(const std::string& text);

/// A file name stem for `name` (a server FQDN, a scenario or role id): `name` itself when it is
/// made of A-Z, a-z, 0-9, '.', '-', '_' and is a safe file name, else a cleaned name with a stable
/// hash of the original.
std::string ScriptFileStem(const std::string& name);

}  // namespace plangen
