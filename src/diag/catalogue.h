// The diagnostic catalogue as documents: docs/rules.md is exactly CatalogueMarkdown().
#pragma once

#include <string>

namespace plangen {

/// Every diagnostic kind as Markdown (`plangen explain --markdown`, docs/rules.md).
std::string CatalogueMarkdown();

}  // namespace plangen
