// Case folding for names that compare without regard to case (FQDNs, tool and service names).
#pragma once

#include <string>

namespace plangen {

/// `s` with ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
std::string AsciiLower(std::string s);
/// True when `a` and `b` are equal but for the case of ASCII letters.
bool EqualsIgnoreCase(const std::string& a, const std::string& b);

}  // namespace plangen
