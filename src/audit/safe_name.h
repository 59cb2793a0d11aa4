// Which names may become file names in the output directory or in an audit package.
//
// Role ids, pool FQDNs and server names end up as file names. A name that climbs out
// of the directory, holds a separator, a drive letter or a Windows device name could
// make plangen write outside the output directory, or produce a package that cannot be
// extracted on an auditor's Windows machine, so such names are refused.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace plangen::audit {

/// Longest accepted file name component, in bytes.
constexpr size_t kMaxComponentBytes = 100;

/// Why `name` cannot be one file name component ("holds '/'", "is the device name 'NUL'"),
/// or "" when it is safe.
std::string UnsafeComponentReason(std::string_view name);

/// Why `path` (components joined by '/') cannot be a relative path inside the output
/// directory or a package, or "" when it is safe: no absolute path, no empty component,
/// and every component safe.
std::string UnsafeRelativePathReason(std::string_view path);

/// Reports err_output_name_unsafe ("{what} '{name}' cannot be used in a file name: {reason}")
/// at `loc` and returns false when `name` is not a safe component; returns true otherwise.
bool SafeComponent(const std::string& name, const std::string& what, Loc loc, DiagEngine& diags);

}  // namespace plangen::audit
