// Small helpers for paths shared by the emitters, the report and the input loaders.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace plangen {

/// A relative path as a URI reference: '\' becomes '/', and every byte outside the unreserved
/// characters and '/' is percent-encoded. Used for SARIF artifact URIs and HTML links.
std::string PercentEncodePath(const std::string& path);

/// Regular files directly inside `dir`, sorted by name, hidden files skipped (what a folder given
/// as an input offers). Empty when the folder cannot be read.
std::vector<std::filesystem::path> RegularFilesIn(const std::string& dir);

}  // namespace plangen
