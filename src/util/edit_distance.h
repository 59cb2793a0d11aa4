// "Did you mean" suggestions for misspelt names.
#pragma once

#include <string>
#include <vector>

namespace plangen {

/// Levenshtein distance, case-insensitive, capped at `max` + 1.
int EditDistance(const std::string& a, const std::string& b, int max = 1000);

/// The closest candidate within a distance that grows with the word's length,
/// or "" when none is close enough.
std::string Suggest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace plangen
