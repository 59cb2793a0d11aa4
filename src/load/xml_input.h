// Reads an XML input safely (size limit, encodings, no DOCTYPE) and maps nodes to locations.
#pragma once

#include <cstdint>
#include <string>

#include <pugixml.hpp>

#include "diag/diagnostic.h"
#include "util/source_manager.h"

namespace plangen {

/// Largest XML input read, in bytes.
constexpr uint64_t kMaxXmlBytes = 256ull << 20;
/// Longest text value accepted in a plan or profile (the most an Excel cell holds).
constexpr size_t kMaxValueChars = 32767;

/// Reads a whole file into `bytes`, refusing more than `limit` bytes. Reports PG0001/PG0002 at `display`.
/// Every input is read through here, once: `sm` keeps the bytes (SourceManager::InputBytes).
bool ReadFileBytes(const std::string& path, const std::string& display, uint64_t limit, std::string* bytes,
                   SourceManager& sm, DiagEngine& diags);

/// An XML document read from one file. Keeps the file id for locations.
struct XmlDocument {
  int32_t file = -1;
  pugi::xml_document doc;
  bool ok = false;  ///< parsed; `doc` holds the tree
};

/// Decodes and parses `bytes` as the file `display`. Reports encoding, DOCTYPE and syntax errors
/// at their line and column. The decoded text is registered in `sm` (for carets) whatever happens.
bool ParseXml(const std::string& display, const std::string& bytes, XmlDocument* out, SourceManager& sm,
              DiagEngine& diags);

/// ReadFileBytes + ParseXml.
bool LoadXmlFile(const std::string& path, const std::string& display, XmlDocument* out, SourceManager& sm,
                 DiagEngine& diags);

/// The element's local name (without prefix).
std::string LocalName(const pugi::xml_node& node);
/// The namespace URI of an element, from xmlns declarations on it and its ancestors.
std::string NamespaceOf(const pugi::xml_node& node);

/// Location of an element's start tag ('<').
Loc NodeLoc(int32_t file, const pugi::xml_node& node);
/// Location of an attribute's name inside the start tag (the element's when not found).
Loc AttrLoc(const SourceManager& sm, int32_t file, const pugi::xml_node& node, const char* name);
/// Location of the first character of an attribute's value.
Loc AttrValueLoc(const SourceManager& sm, int32_t file, const pugi::xml_node& node, const char* name);
/// Location of an element's text content (the element's when it has none).
Loc TextLoc(int32_t file, const pugi::xml_node& node);

}  // namespace plangen
