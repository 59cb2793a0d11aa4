#include "load/plan_schema.h"

namespace plangen {

// Keep in step with schema/plan.xsd and docs/plan-format.md (a test checks the XSD names the same
// elements and attributes).
static const char* kPlanText = R"(
plan @id! @version! @profile @last-changed : title! description? include* roles? governance? locations? topology? spare-hardware? backups? procedures? scenarios? validations? waivers? people?
plan/title #text!
plan/description #text
plan/include @href!
plan/roles : role*
plan/roles/role @id! @kind! @name @department @role-kind @members @time-zone : contact*
plan/roles/role/contact @type! #text!
plan/people : person*
plan/people/person @id! @name! : contact*
plan/people/person/contact @type! #text!
plan/governance @reviewer @validator @change-approver @review-interval @last-reviewed : approval* decision-criteria?
plan/governance/approval @kind! @by! @date! @plan-version! @digest @waivers #text
plan/governance/decision-criteria : criterion+
plan/governance/decision-criteria/criterion #text!
plan/locations : location*
plan/locations/location @id! @path! @host @types! @secure! @offsite! @region @kind #text
plan/topology @file : site*
plan/topology/site @id! @name @time-zone @residency : pool*
plan/topology/site/pool @id! @fqdn! @edition @kind! @paired-with : server*
plan/topology/site/pool/server @fqdn! @roles! @mirror-of @instance : service*
plan/topology/site/pool/server/service @type! @share @instance
plan/spare-hardware : spare*
plan/spare-hardware/spare @id! @source! @lead-time! @contact @site @transport #text
plan/backups : backup*
plan/backups/backup @id! @item! @server! @owner! @schedule! @retention! @locations! @procedure @run-as #text
plan/procedures : procedure*
plan/procedures/procedure @id! @kind! @title @based-on @last-changed @last-tested @tested-by : tool* exclude* step*
plan/procedures/procedure/tool #text!
plan/procedures/procedure/exclude #text!
plan/procedures/procedure/step @role @tool #text!
plan/scenarios : scenario*
plan/scenarios/scenario @id! @title! @template @rto! @rpo @decider! @new-hardware @spare @covers @items : criteria+ step*
plan/scenarios/scenario/criteria #text!
plan/scenarios/scenario/step @id! @title @role! @estimate! @after @procedure #text
plan/validations : check*
plan/validations/check @id! @kind! @interval! @owner! @records @target @title #text
plan/waivers : waive*
plan/waivers/waive @id! @code! @severity @reason! @owner! @expires! @scope! #text
)";

static const char* kProfileText = R"(
profile @id! @title! @product : tools? role-kinds? items? services? worksheets? procedures? scenarios? step-kinds? never?
profile/tools : tool*
profile/tools/tool @id! @kind! @permission @parameters @method @needs-before @needs-after @rebuilt-requires @fresh-file @names-failed-pool @needs-running @instead @after-failover-needs-one-of @owner-kinds #text
profile/items : item* no-backup* reminder*
profile/items/item @id! @name! @store @type! @scope! @holder! @backup-tool! @alt-backup-tools @restore-tool! @worksheet @procedure : when? alias*
profile/items/item/when #text!
profile/items/item/alias #text!
profile/items/no-backup @id! @name! @store #text!
profile/items/reminder @id! @title! #text!
profile/services : service* role*
profile/services/service @name! @items @scenarios
profile/services/role @name! @items @scenarios @rebuild-needs-step
profile/worksheets : worksheet*
profile/worksheets/worksheet @id! @sheet! @title! : column+ row* note*
profile/worksheets/worksheet/column @id! @header! @team-fills : alias*
profile/worksheets/worksheet/column/alias #text!
profile/worksheets/worksheet/row @item! @tool @hint @notes #text!
profile/worksheets/worksheet/note #text!
profile/procedures : procedure*
profile/procedures/procedure @id! @kind! @title! @item @permission @output : exclude* step+
profile/procedures/procedure/exclude #text!
profile/procedures/procedure/step @tool @role-kind @estimate @command @verify @procedure @when @for-each @item #text!
profile/scenarios : scenario*
profile/scenarios/scenario @id! @title! @procedure! @rto @rpo @new-hardware @about @when @uses-backups : criteria+ verify*
profile/scenarios/scenario/criteria #text!
profile/scenarios/scenario/verify #text!
profile/role-kinds : role-kind*
profile/role-kinds/role-kind @id! @name! #text
profile/step-kinds : step-kind*
profile/step-kinds/step-kind @id! @produces @needs @pool-wide @may-run-early : match+
profile/step-kinds/step-kind/match #text!
profile/never : action*
profile/never/action @id! @why! : match+
profile/never/action/match #text!
)";

const Schema& PlanSchema() {
  static const Schema schema(kPlanText);
  return schema;
}

const Schema& ProfileSchema() {
  static const Schema schema(kProfileText);
  return schema;
}

}  // namespace plangen
