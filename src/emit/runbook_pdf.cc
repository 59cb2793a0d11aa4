#include "emit/runbook_pdf.h"

#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "emit/pdf_document.h"
#include "emit/pdf_view.h"
#include "emit/runbook_view.h"
#include "emit/timeline_pdf.h"

namespace plangen {

namespace {

constexpr double kStepIndent = 18;  // a step's text, right of its number
constexpr const char* kBox = "\u2610";
constexpr const char* kBullet = "\u2022";

// A procedure's steps: number, text, its command in a box and its check, each only when it exists.
void ProcedureSteps(PdfDocument& doc, const std::vector<TemplateData>& steps, bool with_kind) {
  for (const TemplateData& st : steps) {
    std::string text = PdfEscape(ViewStr(st, "text"));
    if (with_kind && !ViewStr(st, "role_kind").empty()) text += " (" + PdfEscape(ViewStr(st, "role_kind")) + ")";
    doc.Item(ViewStr(st, "number") + ".", text, 0);
    if (!ViewStr(st, "command").empty()) doc.Code(ViewStr(st, "command"), kStepIndent);
    if (!ViewStr(st, "verify").empty()) doc.Paragraph("<b>Check:</b> " + PdfEscape(ViewStr(st, "verify")), kStepIndent);
  }
}

void Contacts(PdfDocument& doc, const TemplateData& view) {
  doc.Heading(2, "Who to call", "contacts", true);
  for (const TemplateData& c : ViewList(view, "contacts")) {
    std::string text = "<b>" + PdfEscape(ViewStr(c, "role")) + "</b>, " + PdfEscape(ViewStr(c, "relation"));
    for (const TemplateData& x : ViewList(c, "contacts"))
      text += "\n" + PdfEscape(ViewStr(x, "type")) + ": " + PdfEscape(ViewStr(x, "value"));
    doc.Item(kBullet, text, 0);
  }
  if (ViewTrue(view, "has_spares")) {
    doc.Heading(4, "Spare hardware");
    for (const TemplateData& sp : ViewList(view, "spares")) {
      doc.Item(kBullet, PdfEscape(ViewStr(sp, "source") + ": lead time " + ViewStr(sp, "lead_time") + ", contact " +
                                  ViewStr(sp, "contact") + ". " + ViewStr(sp, "notes")), 0);
    }
  }
}

void Contents(PdfDocument& doc, const TemplateData& view) {
  doc.Heading(2, "Contents");
  if (ViewTrue(view, "has_scenarios")) {
    doc.ContentsEntry("Restoration duties", "restoration-duties");
    for (const TemplateData& s : ViewList(view, "scenarios")) doc.ContentsEntry(ViewStr(s, "title"), ViewStr(s, "anchor"), 14);
  }
  if (ViewTrue(view, "has_backups")) {
    doc.ContentsEntry("Backup duties", "backup-duties");
    for (const TemplateData& b : ViewList(view, "backups"))
      doc.ContentsEntry(ViewStr(b, "item") + " on " + ViewStr(b, "server"), ViewStr(b, "anchor"), 14);
  }
  if (ViewTrue(view, "has_checks")) doc.ContentsEntry("Validation duties", "validation-duties");
  if (ViewTrue(view, "has_governance")) doc.ContentsEntry("Plan governance", "plan-governance");
  if (ViewTrue(view, "has_outside")) doc.ContentsEntry("Outside the Lync backup", "outside-the-lync-backup");
  if (ViewTrue(view, "has_worksheet_rows")) doc.ContentsEntry("Worksheet rows", "worksheet-rows");
  doc.ContentsEntry("Who to call", "contacts");
}

void ScenarioPart(PdfDocument& doc, const EmitContext& ctx, const TemplateData& s, const Scenario* model,
                  const std::string& role_id) {
  doc.BeginGroup();
  doc.Heading(3, ViewStr(s, "title"), ViewStr(s, "anchor"), true);
  std::string p = "RTO " + PdfEscape(ViewStr(s, "rto"));
  if (ViewTrue(s, "has_rpo")) p += ", RPO " + PdfEscape(ViewStr(s, "rpo"));
  p += ". Decided by <b>" + PdfEscape(ViewStr(s, "decider")) + "</b>" + (ViewTrue(s, "you_decide") ? " (you)" : "") + ".";
  if (ViewTrue(s, "new_hardware")) {
    p += " New hardware needed";
    if (!ViewStr(s, "spare").empty()) p += ": " + PdfEscape(ViewStr(s, "spare"));
    p += ".";
  }
  doc.Paragraph(p);
  doc.Heading(4, "Decision criteria");
  for (const TemplateData& c : ViewList(s, "criteria")) doc.Item(kBullet, PdfEscape(c.is_string() ? c.string_value() : ""), 0);
  doc.Heading(4, "Hand-offs");
  if (ViewTrue(s, "has_handoffs")) {
    for (const TemplateData& h : ViewList(s, "handoffs")) {
      doc.Item(kBullet, "After step " + ViewStr(h, "number") + ", " + PdfEscape(ViewStr(h, "title")) + " (" +
                            PdfEscape(ViewStr(h, "role")) + (ViewTrue(h, "yours") ? ", you" : "") + "): hand over to " +
                            PdfEscape(ViewStr(h, "to")) + ".", 0);
    }
  } else {
    doc.Paragraph("None: one role does every step.");
  }
  doc.Heading(4, "Timeline");
  std::string t = "Estimated total " + PdfEscape(ViewStr(s, "total"));
  if (!ViewStr(s, "lead").empty()) t += " (including spare hardware lead time " + PdfEscape(ViewStr(s, "lead")) + ")";
  t += ": ";
  if (ViewTrue(s, "fits")) t += "within the RTO, " + PdfEscape(ViewStr(s, "margin")) + " to spare.";
  if (ViewTrue(s, "on_time")) t += "on time, with no spare time.";
  if (ViewTrue(s, "over")) t += "<b>exceeds the RTO by " + PdfEscape(ViewStr(s, "margin")) + ".</b>";
  if (ViewTrue(s, "cycle")) t += " Some steps depend on each other in a cycle; their order is uncertain.";
  doc.Paragraph(t);
  if (!ViewStr(s, "partial").empty()) doc.Paragraph(PdfEscape(ViewStr(s, "partial")));
  if (model) {
    ScenarioTiming timing = ComputeTiming(ctx.plan, *model);
    std::vector<bool> shown = StepsShownTo(*model, timing, role_id);
    const Plan* plan = &ctx.plan;
    doc.Drawing(TimelinePdfHeight(*plan, *model, timing, shown),
                [plan, model, timing, shown](PdfCanvas& c, double x, double y, double w) {
                  DrawTimelinePdf(c, x, y, w, *plan, *model, timing, shown);
                });
    doc.Paragraph("Steps in role lanes, critical path in red, the RTO as a dashed line.", 0, PdfFont::kSmall);
  }
  doc.Heading(4, "Steps");
  for (const TemplateData& st : ViewList(s, "steps")) {
    if (ViewTrue(st, "gap")) {
      doc.Item("\u2026", "<i>" + PdfEscape(ViewStr(st, "gap_text")) + "</i>", 0);
      continue;
    }
    std::string text = "<b>" + PdfEscape(ViewStr(st, "title")) + "</b>" + (ViewTrue(st, "critical") ? " <i>(critical path)</i>" : "");
    text += "\n" + PdfEscape(ViewStr(st, "role")) + (ViewTrue(st, "yours") ? " (you)" : "") + ", " +
            PdfEscape(ViewStr(st, "estimate")) + ", from " + PdfEscape(ViewStr(st, "start")) + " to " +
            PdfEscape(ViewStr(st, "finish"));
    if (!ViewStr(st, "after").empty()) text += ", after step " + PdfEscape(ViewStr(st, "after"));
    doc.Item(ViewStr(st, "number") + ".", text + ".", 0);
  }
  if (ViewTrue(s, "has_procedure")) {
    doc.Heading(4, "Procedure: " + ViewStr(s, "procedure_title"));
    doc.Paragraph("Permission: " + PdfEscape(ViewStr(s, "procedure_permission")));
    if (ViewTrue(s, "has_procedure_tools")) {
      std::string tools;
      for (const TemplateData& tl : ViewList(s, "procedure_tools")) {
        tools += (tools.empty() ? "" : "; ") + PdfEscape(ViewStr(tl, "name"));
        if (!ViewStr(tl, "permission").empty()) tools += " (" + PdfEscape(ViewStr(tl, "permission")) + ")";
      }
      doc.Paragraph("Tools: " + tools);
    }
    for (const TemplateData& run : ViewList(s, "procedure_runs")) {
      if (!ViewStr(run, "subject").empty()) doc.Paragraph("<b>For " + PdfEscape(ViewStr(run, "subject")) + ":</b>");
      ProcedureSteps(doc, ViewList(run, "steps"), true);
    }
    if (ViewTrue(s, "has_procedure_verify")) {
      doc.Paragraph("Verify when done:");
      for (const TemplateData& v : ViewList(s, "procedure_verify")) doc.Item(kBox, PdfEscape(v.is_string() ? v.string_value() : ""), 0);
    }
  }
  if (ViewTrue(s, "has_worksheet_rows")) {
    doc.Paragraph("Worksheet rows with what this restoration needs:");
    for (const TemplateData& stand_in : ViewList(s, "worksheet_rows")) {
      const TemplateData w = Materialize(stand_in);
      doc.Item(kBullet, PdfEscape(ViewStr(w, "sheet") + ": \u201c" + ViewStr(w, "row") + "\u201d for " + ViewStr(w, "server")), 0);
    }
  }
  doc.EndGroup();
}

void BackupPart(PdfDocument& doc, const TemplateData& b) {
  doc.BeginGroup();
  doc.Heading(3, ViewStr(b, "item") + " on " + ViewStr(b, "server"), ViewStr(b, "anchor"), true);
  auto row = [&](const char* label, const std::string& markup) { doc.Paragraph("<b>" + std::string(label) + ":</b> " + markup, 0); };
  row("Server", PdfEscape(ViewStr(b, "server")));
  std::string data = PdfEscape(ViewStr(b, "item"));
  if (!ViewStr(b, "store").empty()) data += " (" + PdfEscape(ViewStr(b, "store")) + ")";
  row("Data", data);
  row("Schedule", PdfEscape(ViewStr(b, "schedule")));
  row("Retention", PdfEscape(ViewStr(b, "retention")));
  std::string locs;
  for (const TemplateData& l : ViewList(b, "locations")) {
    locs += (locs.empty() ? "" : "; ") + PdfEscape(ViewStr(l, "path"));
    if (ViewTrue(l, "secure")) locs += " (secure)";
    if (ViewTrue(l, "offsite")) locs += " (off-site)";
  }
  row("Locations", locs);
  row("Procedure", PdfEscape(ViewStr(b, "procedure")));
  row("Permission", ViewStr(b, "permission").empty() ? std::string("none recorded") : PdfEscape(ViewStr(b, "permission")));
  std::string tools;
  for (const TemplateData& tl : ViewList(b, "tools")) {
    tools += (tools.empty() ? "" : "; ") + PdfEscape(ViewStr(tl, "name"));
    if (!ViewStr(tl, "permission").empty()) tools += " (" + PdfEscape(ViewStr(tl, "permission")) + ")";
  }
  row("Tools", tools);
  if (const TemplateData* w = b.get("worksheet")) {
    row("Worksheet", ViewTrue(*w, "known") ? PdfEscape("sheet " + ViewStr(*w, "sheet") + ", row \u201c" + ViewStr(*w, "row") + "\u201d")
                                          : std::string("none"));
  }
  if (ViewTrue(b, "has_steps")) {
    doc.Space(3);
    ProcedureSteps(doc, ViewList(b, "steps"), false);
  }
  doc.EndGroup();
}

}  // namespace

bool RenderRunbookPdf(const EmitContext& ctx, const Role& role, OutputSet& out) {
  const std::string path = "runbooks/" + RoleFileStem(role.id.value) + ".pdf";
  const TemplateData view = RunbookView(ctx, role, false);
  PdfDocument doc(ctx.paper);
  std::string why;
  if (!doc.FontsAvailable(&why)) {
    ctx.diags.Report(DiagId::err_pdf_font, Loc{}, {path, why});
    return false;
  }
  const std::string role_title = ViewStr(view, "role_title");
  doc.Heading(1, "Runbook: " + role_title + " (" + ViewStr(view, "role_id") + ")");
  if (ctx.draft) doc.Paragraph("<b>DRAFT: this plan has errors; do not rely on it.</b>");
  std::string intro;
  if (!ViewStr(view, "role_holder").empty()) intro += "Held by " + PdfEscape(ViewStr(view, "role_holder")) + ". ";
  intro += "Role " + PdfMono(ViewStr(view, "role_id"));
  if (!ViewStr(view, "department").empty()) intro += ", " + PdfEscape(ViewStr(view, "department"));
  intro += ".\nPlan: " + PdfEscape(ViewStr(view, "plan_title")) + " (" + PdfMono(ViewStr(view, "plan_id")) + ", version " +
           PdfEscape(ViewStr(view, "plan_version")) + "), as of " + PdfEscape(ViewStr(view, "as_of")) + ".";
  doc.Paragraph(intro);
  Contacts(doc, view);
  Contents(doc, view);
  if (ViewTrue(view, "has_scenarios")) {
    doc.Heading(2, "Restoration duties", "restoration-duties", true);
    const std::vector<const Scenario*> models = ctx.plan.ScenariosOf(role.id.value);
    size_t i = 0;
    for (const TemplateData& s : ViewList(view, "scenarios")) {
      ScenarioPart(doc, ctx, s, i < models.size() ? models[i] : nullptr, role.id.value);
      ++i;
    }
  }
  if (ViewTrue(view, "has_backups")) {
    doc.Heading(2, "Backup duties", "backup-duties", true);
    for (const TemplateData& b : ViewList(view, "backups")) BackupPart(doc, Materialize(b));
  }
  if (ViewTrue(view, "has_checks")) {
    doc.Heading(2, "Validation duties", "validation-duties", true);
    for (const TemplateData& c : ViewList(view, "checks")) {
      std::string text = "<b>" + PdfEscape(ViewStr(c, "kind")) + "</b>: " + PdfEscape(ViewStr(c, "title")) + "\nEvery " +
                         PdfEscape(ViewStr(c, "interval")) + "; next due " + PdfEscape(ViewStr(c, "next_due")) +
                         (ViewTrue(c, "overdue") ? " <b>(overdue)</b>" : "");
      if (!ViewStr(c, "then_due").empty()) text += ", then " + PdfEscape(ViewStr(c, "then_due"));
      text += ". Records: " + PdfEscape(ViewStr(c, "records")) + ".";
      if (!ViewStr(c, "due_basis").empty()) text += "\n<small>" + PdfEscape(ViewStr(c, "due_basis")) + "</small>";
      doc.Item(kBox, text, 0);
    }
  }
  if (ViewTrue(view, "has_governance")) {
    doc.Heading(2, "Plan governance", "plan-governance", true);
    for (const TemplateData& g : ViewList(view, "governance"))
      doc.Item(kBullet, PdfEscape(ViewStr(g, "duty") + " (every " + ViewStr(g, "interval") + ")."), 0);
  }
  if (ViewTrue(view, "has_outside")) {
    doc.Heading(2, "Outside the Lync backup", "outside-the-lync-backup", true);
    if (ViewTrue(view, "has_reminders")) {
      doc.Paragraph("Back these up too, with their own tools and procedures:");
      for (const TemplateData& r : ViewList(view, "reminders"))
        doc.Item(kBullet, "<b>" + PdfEscape(ViewStr(r, "title")) + "</b>: " + PdfEscape(ViewStr(r, "text")), 0);
    }
    if (ViewTrue(view, "has_no_backup")) {
      doc.Paragraph("These databases need no backup or restore; nothing is lost with them:");
      for (const TemplateData& n : ViewList(view, "no_backup")) {
        std::string text = PdfEscape(ViewStr(n, "name"));
        if (!ViewStr(n, "store").empty()) text += " (" + PdfEscape(ViewStr(n, "store")) + ")";
        doc.Item(kBullet, text + " on " + PdfEscape(ViewStr(n, "servers")) + ": " + PdfEscape(ViewStr(n, "reason")), 0);
      }
    }
  }
  if (ViewTrue(view, "has_worksheet_rows")) {
    doc.Heading(2, "Worksheet rows", "worksheet-rows", true);
    for (const TemplateData& stand_in : ViewList(view, "worksheet_rows")) {
      const TemplateData w = Materialize(stand_in);
      doc.Item(kBullet, PdfEscape(ViewStr(w, "sheet") + ", row \u201c" + ViewStr(w, "row") + "\u201d: " + ViewStr(w, "server") +
                                  " (backup " + ViewStr(w, "backup") + ")"), 0);
    }
  }
  PdfMetadata meta;
  meta.title = "Runbook: " + role_title + " (" + ViewStr(view, "plan_title") + ")";
  meta.author = ViewStr(view, "plan_title");
  meta.subject = "Lync Server 2013 backup and restoration runbook, plan " + ViewStr(view, "plan_id") + " version " +
                 ViewStr(view, "plan_version");
  meta.date = ViewStr(view, "as_of");
  std::string bytes;
  if (!doc.Write(meta, PrintFooterPlan(ctx) + " \u00b7 Runbook: " + role_title, &bytes, &why)) {
    ctx.diags.Report(DiagId::err_pdf_write, Loc{}, {path, why});
    return false;
  }
  out.Add(path, std::move(bytes));
  return true;
}

bool EmitRunbookPdfs(const EmitContext& ctx, OutputSet& out) {
  if (!ctx.pdf) return true;
  std::vector<EmitPart> parts;
  for (const Role* role : RolesWithDuties(ctx.plan))
    parts.push_back([&ctx, role](OutputSet& o) { return RenderRunbookPdf(ctx, *role, o); });
  return EmitParts(std::move(parts), out, /*heavy=*/true);
}

}  // namespace plangen
