// The view model of a role's runbook: all logic lives here, templates only lay it out.
#pragma once

#include <string>
#include <vector>

#include "emit/emit_context.h"
#include "emit/output_set.h"
#include "tmpl/templates.h"

namespace plangen {

/// The roles that have at least one duty, in plan order.
std::vector<const Role*> RolesWithDuties(const Plan& plan);

/// Renders runbooks/<stem>.<ext> for every role with a duty from `template_name`.
bool EmitRunbooks(const EmitContext& ctx, OutputSet& out, const std::string& template_name, const std::string& ext);

/// Mustache data for the runbook of `role`.
TemplateData RunbookView(const EmitContext& ctx, const Role& role);

/// A role's name for people: its name, or its id when it has none.
std::string RoleName(const Plan& plan, const std::string& id);

/// "plan.xml:41:7": where an element was written, for traceability lines.
std::string SourceRef(const SourceManager& sm, const Loc& loc);

}  // namespace plangen
