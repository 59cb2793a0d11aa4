// Open decisions: values a plan writes as TODO placeholders, found while its XML is read.
#pragma once

#include <cstdint>
#include <vector>

#include <pugixml.hpp>

#include "model/plan.h"
#include "util/source_manager.h"

namespace plangen {

/// Appends to `out`, in document order, every attribute and text under `root` (the document
/// element of file `file`) written as a placeholder: where it is, which element holds it
/// ("backup 'sql01-rtcxds'", "step 'x' of scenario 'y'", "criterion of governance") and which
/// attribute (empty for text). Allowed values are left for the reader of that attribute to add.
/// Iterative, so hostile nesting cannot exhaust the stack.
void RecordOpenDecisions(const SourceManager& sm, int32_t file, const pugi::xml_node& root,
                         std::vector<OpenDecision>* out);

}  // namespace plangen
