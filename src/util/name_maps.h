// Hash maps keyed by names the plan holds: the keys are views of the plan's own strings, so that
// building an index copies no name and a lookup allocates nothing. The plan must outlive the map
// and keep its elements where they are (the indexes are rebuilt when its lists change).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "util/strings.h"

namespace plangen {

/// FNV-1a over the ASCII lower case of a name: "Fe01.Example.com" and "fe01.example.com" hash alike.
/// Not noexcept on purpose: libstdc++ then keeps each key's hash in its node, as it does for
/// std::hash of strings, so a lookup walking a bucket compares hashes instead of folding and
/// hashing every other key it passes (two cache misses each in a table of 100,000 names).
struct FoldedHash {
  size_t operator()(std::string_view s) const {
    uint64_t h = 14695981039346656037ull;
    for (char c : s) {
      h ^= static_cast<unsigned char>(FoldChar(c));
      h *= 1099511628211ull;
    }
    return static_cast<size_t>(h);
  }
};

static_assert(!std::is_nothrow_invocable_v<FoldedHash, std::string_view>,
              "FoldedHash must stay noexcept(false), so that hash tables keep each key's hash");

/// Equal but for the case of ASCII letters.
struct FoldedEqual {
  bool operator()(std::string_view a, std::string_view b) const noexcept { return EqualsIgnoreCase(a, b); }
};

/// Name -> value, names compared exactly (ids).
template <class V>
using NameMap = std::unordered_map<std::string_view, V>;

/// Name -> value, names compared without regard to ASCII case (FQDNs, service names).
template <class V>
using FoldedNameMap = std::unordered_map<std::string_view, V, FoldedHash, FoldedEqual>;

}  // namespace plangen
