// Writes a build's outputs into the output directory, all at once or not at all.
#pragma once

#include <string>

#include "diag/diagnostic.h"
#include "emit/output_set.h"

namespace plangen {

/// Writes every file of `outputs` under `dir`. Paths are checked so that nothing lands outside
/// `dir`. Returns false (with a finding) when anything could not be written.
bool WriteOutputs(const OutputSet& outputs, const std::string& dir, SourceManager& sm, DiagEngine& diags);

}  // namespace plangen
