#include "emit/xlsx_worksheet_view.h"

#include <algorithm>
#include <map>
#include <set>

#include "emit/placeholders.h"
#include "emit/xlsx_findings.h"
#include "model/plan_queries.h"

namespace plangen::xlsx {
namespace {

const Pool* PoolOf(const Plan& plan, const Backup& b) {
  const Server* s = plan.FindServer(b.server.value);
  if (!s || s->pool < 0 || s->pool >= static_cast<int>(plan.topology.pools.size())) return nullptr;
  return &plan.topology.pools[s->pool];
}

void AddUnique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::string JoinLines(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += '\n';
    out += p;
  }
  return out;
}

std::string FileShare(const Plan& plan, const Backup& b) {
  const Server* s = plan.FindServer(b.server.value);
  if (!s) return "";
  for (const auto& svc : s->services) {
    if (!svc.share.empty()) return "\\\\" + s->fqdn.value + "\\" + svc.share.value;
  }
  return "";
}

// Backups in the order the layout lists its items (Microsoft's row order), then those of items
// the layout has no row for, each group in plan order.
std::vector<const Backup*> OrderForLayout(const Profile& profile, const WorksheetLayout& layout,
                                          const std::vector<const Backup*>& backups) {
  std::vector<const Backup*> out;
  for (const auto& tmpl : layout.rows) {
    for (const Backup* b : backups) if (b->item.value == tmpl.item.value) out.push_back(b);
  }
  for (const Backup* b : backups) {
    if (!layout.RowFor(b->item.value) && profile.LayoutForItem(b->item.value) == &layout) out.push_back(b);
  }
  return out;
}

// Findings go on the cell of the column they concern; a layout without that column shows them on
// its first column (the data item wording).
void AttachFindings(const FindingIndex& findings, const WorksheetLayout& layout, ViewRow& row) {
  std::map<size_t, std::vector<std::string>> lines;  // by column index
  for (const auto& [column, found] : findings.CommentsFor(*row.backup)) {
    size_t at = 0;
    for (size_t c = 0; c < layout.columns.size(); ++c) {
      if (layout.columns[c].id.value == column) at = c;
    }
    lines[at].insert(lines[at].end(), found.begin(), found.end());
  }
  for (const auto& [at, found] : lines) {
    if (at < row.cells.size()) row.cells[at].comment = JoinFindings(found);
  }
}

FindingIndex Findings(const EmitContext& ctx) {
  return FindingIndex(ctx.plan, ctx.sources, ctx.diags.Sorted(), ctx.draft);
}

WorkbookView MakeWorkbook(const EmitContext& ctx, std::string name, const Pool* pool,
                          const std::vector<const Backup*>& backups, const FindingIndex& findings) {
  WorkbookView v;
  v.name = std::move(name);
  v.path = "worksheets/" + v.name + ".xlsx";
  v.pool = pool;
  if (pool) v.loc = pool->loc;
  for (const auto& layout : ctx.profile.worksheets) {
    if (layout.id.value == kValidationLogLayout) {
      v.validation_log = &layout;
      continue;
    }
    SheetView sheet;
    sheet.layout = &layout;
    for (const Backup* b : OrderForLayout(ctx.profile, layout, backups)) {
      sheet.rows.push_back(BackupRow(ctx, layout, *b));
      AttachFindings(findings, layout, sheet.rows.back());
    }
    v.sheets.push_back(std::move(sheet));
  }
  return v;
}

SummaryCell Num(double n) { return SummaryCell{std::to_string(static_cast<long long>(n)), true, n}; }
SummaryCell Str(std::string s) { return SummaryCell{std::move(s), false, 0}; }

}  // namespace

size_t WorkbookView::RowCount() const {
  size_t n = 0;
  for (const auto& s : sheets) n += s.rows.size();
  return n;
}

std::string WorkbookName(const Plan& plan, const Pool& pool) {
  if (pool.edition.value == "standard" && pool.servers.size() == 1) {
    int s = pool.servers.front();
    if (s >= 0 && s < static_cast<int>(plan.topology.servers.size()) && !plan.topology.servers[s].fqdn.empty()) {
      return plan.topology.servers[s].fqdn.value;
    }
  }
  return pool.fqdn.empty() ? pool.id.value : pool.fqdn.value;
}

ViewRow BackupRow(const EmitContext& ctx, const WorksheetLayout& layout, const Backup& b) {
  const Plan& plan = ctx.plan;
  const ProfileItem* item = ctx.profile.FindItem(b.item.value);
  const WorksheetRowTemplate* tmpl = layout.RowFor(b.item.value);
  ViewRow row;
  row.backup = &b;
  for (const auto& col : layout.columns) {
    ViewCell c;
    const std::string& id = col.id.value;
    if (id == "item") {
      c.text = tmpl ? tmpl->label.value : item ? item->name.value : b.item.value;
      c.loc = b.item.loc;
      c.locked = true;
    } else if (id == "server") {
      c.text = b.server.value;
      c.loc = b.server.loc;
    } else if (id == "schedule") {
      c.text = b.schedule.value ? b.schedule.value->Canonical() : b.schedule.text.value;
      c.loc = b.schedule.text.loc;
    } else if (id == "tool") {
      Text tool = BackupTool(plan, ctx.profile, b);
      c.text = tool.value;
      c.loc = tool.loc.valid() ? tool.loc : b.loc;
    } else if (id == "backup-set") {
      // The team records the backup set's name and its expiration, each in a column of its own
      // (the writer splits this cell in two).
      c.text = "";
      c.loc = b.loc;
      c.to_fill = true;
    } else if (id == "destination") {
      std::vector<std::string> paths;
      for (const Ref& r : b.locations) {
        const Location* l = plan.FindLocation(r.value);
        paths.push_back(l && !l->path.empty() ? l->path.value : r.value);
      }
      c.text = JoinLines(paths);
      c.loc = b.locations.empty() ? b.loc : b.locations.front().loc;
    } else if (id == "share") {
      c.text = FileShare(plan, b);
      c.loc = b.server.loc;
    } else if (id == "config-file") {
      c.text = BackupPlaceholders(plan, ctx.profile, b)["file"];
      c.loc = b.loc;
    } else if (id == "notes") {
      c.text = JoinLines({tmpl ? tmpl->notes.value : "", b.notes.value});
      c.loc = b.notes.loc.valid() ? b.notes.loc : b.loc;
    } else {
      c.loc = b.loc;  // a column plangen knows nothing about: the team fills it
    }
    if (!c.loc.valid()) c.loc = b.loc;
    if (col.team_fills.get() && c.text.empty()) c.to_fill = true;
    row.cells.push_back(std::move(c));
  }
  ViewCell id;
  id.text = b.id.value;
  id.loc = b.id.loc.valid() ? b.id.loc : b.loc;
  id.locked = true;
  row.cells.push_back(std::move(id));
  return row;
}

std::vector<WorkbookView> PoolWorkbooks(const EmitContext& ctx) {
  std::vector<WorkbookView> out;
  const FindingIndex findings = Findings(ctx);
  for (size_t i = 0; i < ctx.plan.topology.pools.size(); ++i) {
    const Pool& pool = ctx.plan.topology.pools[i];
    std::vector<const Backup*> backups;
    for (const Backup* b : ctx.plan.BackupsInPool(static_cast<int>(i))) {
      if (ctx.profile.LayoutForItem(b->item.value)) backups.push_back(b);
    }
    if (backups.empty()) continue;
    out.push_back(MakeWorkbook(ctx, WorkbookName(ctx.plan, pool), &pool, backups, findings));
  }
  return out;
}

WorkbookView AllWorkbook(const EmitContext& ctx) {
  std::vector<const Backup*> backups;
  for (const Backup& b : ctx.plan.backups) backups.push_back(&b);
  return MakeWorkbook(ctx, "all", nullptr, backups, Findings(ctx));
}

Choices ChoicesFor(const Profile& profile, const WorksheetLayout& layout, const WorksheetColumn& column) {
  Choices c;
  const std::string& id = column.id.value;
  if (id == "tool") {
    std::vector<std::string> tools;
    for (const auto& it : profile.items) {
      if (profile.LayoutForItem(it.id.value) != &layout) continue;
      AddUnique(tools, it.backup_tool.value);
      for (const auto& t : it.alt_backup_tools) AddUnique(tools, t.value);
      if (const ProfileProcedure* p = profile.FindProcedure(it.backup_procedure.value)) {
        for (const auto& s : p->steps) AddUnique(tools, s.tool.value);
      }
    }
    // Profile order, so the list reads like the profile's tool table.
    for (const auto& t : profile.tools) {
      if (std::find(tools.begin(), tools.end(), t.id.value) != tools.end()) c.values.push_back(t.id.value);
    }
    for (const auto& t : tools) AddUnique(c.values, t);
    c.prompt = "Pick the tool, or type the one you use";
  } else if (id == "kind") {
    c.values = {"V1", "V2", "V3", "V4", "V5", "M1"};
    c.strict = true;
    c.prompt = "The plan's check kind: V1 to V5 or M1";
  } else if (id == "result") {
    c.values = {"pass", "fail"};
    c.strict = true;
    c.prompt = "pass or fail";
  }
  return c;
}

std::vector<SummaryTable> SummaryTables(const EmitContext& ctx) {
  const Plan& plan = ctx.plan;
  std::vector<const WorksheetLayout*> layouts;
  for (const auto& l : ctx.profile.worksheets) if (l.id.value != kValidationLogLayout) layouts.push_back(&l);

  SummaryTable pools{"Backups per pool", {"Pool", "Edition", "Workbook", "Backups"}, {}};
  for (const auto* l : layouts) pools.headers.push_back(l->sheet.value);
  pools.headers.push_back("Not on a worksheet");
  auto pool_row = [&](const std::string& name, const std::string& edition, const std::string& book,
                      const std::vector<const Backup*>& bs) {
    std::vector<SummaryCell> r = {Str(name), Str(edition), Str(book), Num(static_cast<double>(bs.size()))};
    size_t on_sheet = 0;
    for (const auto* l : layouts) {
      size_t n = 0;
      for (const Backup* b : bs) n += ctx.profile.LayoutForItem(b->item.value) == l;
      on_sheet += n;
      r.push_back(Num(static_cast<double>(n)));
    }
    r.push_back(Num(static_cast<double>(bs.size() - on_sheet)));
    pools.rows.push_back(std::move(r));
  };
  for (size_t i = 0; i < plan.topology.pools.size(); ++i) {
    const Pool& pool = plan.topology.pools[i];
    const std::vector<const Backup*>& bs = plan.BackupsInPool(static_cast<int>(i));
    bool has_book = false;
    for (const Backup* b : bs) has_book = has_book || ctx.profile.LayoutForItem(b->item.value);
    pool_row(pool.fqdn.empty() ? pool.id.value : pool.fqdn.value, pool.edition.value,
             has_book ? WorkbookName(plan, pool) + ".xlsx" : "", bs);
  }
  std::vector<const Backup*> orphans;
  for (const Backup& b : plan.backups) if (!PoolOf(plan, b)) orphans.push_back(&b);
  if (!orphans.empty()) pool_row("(server in no pool)", "", "", orphans);

  SummaryTable owners{"Backups per owner", {"Owner", "Name", "Backups", "Pools"}, {}};
  for (const Role& role : plan.roles) {
    const std::vector<const Backup*>& owned = plan.BackupsOwnedBy(role.id.value);
    size_t n = owned.size();
    std::set<const Pool*> in_pools;
    for (const Backup* b : owned) {
      if (const Pool* p = PoolOf(plan, *b)) in_pools.insert(p);
    }
    if (n == 0) continue;
    owners.rows.push_back({Str(role.id.value), Str(role.name.value), Num(static_cast<double>(n)),
                           Num(static_cast<double>(in_pools.size()))});
  }

  SummaryTable coverage{"Coverage per data item", {"Data item", "Name", "Worksheet", "Backups", "Servers", "Pools"}, {}};
  // The plan's backups of each data item, gathered in one pass.
  struct ItemUse {
    size_t backups = 0;
    std::set<std::string> servers;
    std::set<const Pool*> pools;
  };
  std::map<std::string, ItemUse> uses;
  std::vector<std::string> items;
  std::set<std::string> listed;
  for (const auto& it : ctx.profile.items) {
    bool used = plan.FirstBackupOf(it.id.value) != nullptr;
    if ((used || ctx.profile.LayoutForItem(it.id.value)) && listed.insert(it.id.value).second) items.push_back(it.id.value);
  }
  for (const Backup& b : plan.backups) {
    if (!b.item.value.empty() && listed.insert(b.item.value).second) items.push_back(b.item.value);
    ItemUse& u = uses[b.item.value];
    ++u.backups;
    u.servers.insert(b.server.value);
    if (const Pool* p = PoolOf(plan, b)) u.pools.insert(p);
  }
  size_t on_sheet = 0;
  const ItemUse unused;
  for (const std::string& id : items) {
    const ProfileItem* it = ctx.profile.FindItem(id);
    const WorksheetLayout* l = ctx.profile.LayoutForItem(id);
    auto found = uses.find(id);
    const ItemUse& u = found == uses.end() ? unused : found->second;
    size_t n = u.backups;
    const std::set<std::string>& servers = u.servers;
    const std::set<const Pool*>& in_pools = u.pools;
    if (l) on_sheet += n;
    coverage.rows.push_back({Str(id), Str(it ? it->name.value : ""), Str(l ? l->sheet.value : "(none)"),
                             Num(static_cast<double>(n)), Num(static_cast<double>(servers.size())),
                             Num(static_cast<double>(in_pools.size()))});
  }
  coverage.rows.push_back({Str("Total"), Str(std::to_string(on_sheet) + " of " + std::to_string(plan.backups.size()) +
                                             " backups are on a worksheet"),
                           Str(""), Num(static_cast<double>(plan.backups.size())), Str(""), Str("")});
  return {pools, owners, coverage};
}

}  // namespace plangen::xlsx
