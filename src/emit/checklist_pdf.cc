// checklists/validation.pdf (--pdf): the validation checklist typeset for paper with pango and
// cairo, from the same view as checklists/validation.html and .md (checklist_view.cc): the checks
// grouped by interval and owner, each with a box to tick, its due dates, records and status.
#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "emit/pdf_document.h"
#include "emit/pdf_view.h"

namespace plangen {

namespace {

// An anchor for a group's heading: its position, as interval labels hold spaces.
std::string GroupAnchor(size_t i) { return "interval-" + std::to_string(i + 1); }

}  // namespace

bool EmitChecklistPdf(const EmitContext& ctx, OutputSet& out) {
  if (!ctx.pdf) return true;
  const std::string path = "checklists/validation.pdf";
  const TemplateData view = ChecklistView(ctx);
  PdfDocument doc(ctx.paper);
  std::string why;
  if (!doc.FontsAvailable(&why)) {
    ctx.diags.Report(DiagId::err_pdf_font, Loc{}, {path, why});
    return false;
  }
  doc.Heading(1, "Validation checklist");
  if (ctx.draft) doc.Paragraph("<b>DRAFT: this plan has errors; do not rely on it.</b>");
  const std::string as_of = PdfEscape(ViewStr(view, "as_of"));
  doc.Paragraph("Plan: " + PdfEscape(ViewStr(view, "plan_title")) + " (" + PdfMono(ViewStr(view, "plan_id")) + ", version " +
                PdfEscape(ViewStr(view, "plan_version")) + "), as of " + as_of + ". Due dates count from " + as_of +
                " (M1 from the last review). Tick each check when done and write the result in the Validation Log.");
  if (!ViewStr(view, "missing_kinds").empty())
    doc.Paragraph("<b>Missing checks: " + PdfEscape(ViewStr(view, "missing_kinds")) + " have no check in the plan.</b>");
  size_t g = 0;
  for (const TemplateData& group : ViewList(view, "groups")) {
    doc.Heading(2, ViewStr(group, "interval"), GroupAnchor(g++), true);
    for (const TemplateData& owner : ViewList(group, "owners")) {
      doc.BeginGroup();
      doc.Heading(3, ViewStr(owner, "owner"));
      for (const TemplateData& c : ViewList(owner, "checks")) {
        std::string text = "<b>" + PdfEscape(ViewStr(c, "number")) + ". " + PdfEscape(ViewStr(c, "kind")) + ": " +
                           PdfEscape(ViewStr(c, "meaning")) + "</b>\n" + PdfEscape(ViewStr(c, "title")) + "\nNext due " +
                           PdfEscape(ViewStr(c, "next_due")) + (ViewTrue(c, "overdue") ? " <b>(overdue)</b>" : "");
        if (!ViewStr(c, "then_due").empty()) text += ", then " + PdfEscape(ViewStr(c, "then_due"));
        text += ". Records: " + PdfEscape(ViewStr(c, "records")) + ".";
        if (!ViewStr(c, "status").empty()) text += "\nStatus (Validation Log): " + PdfEscape(ViewStr(c, "status"));
        if (!ViewStr(c, "due_basis").empty()) text += "\n<small>" + PdfEscape(ViewStr(c, "due_basis")) + "</small>";
        doc.Item("\u2610", text, 0);
      }
      doc.EndGroup();
    }
  }
  PdfMetadata meta;
  meta.title = "Validation checklist (" + ViewStr(view, "plan_title") + ")";
  meta.author = ViewStr(view, "plan_title");
  meta.subject = "Lync Server 2013 validation checklist, plan " + ViewStr(view, "plan_id") + " version " +
                 ViewStr(view, "plan_version");
  meta.date = ViewStr(view, "as_of");
  std::string bytes;
  if (!doc.Write(meta, PrintFooterPlan(ctx) + " \u00b7 Validation checklist", &bytes, &why)) {
    ctx.diags.Report(DiagId::err_pdf_write, Loc{}, {path, why});
    return false;
  }
  out.Add(path, std::move(bytes));
  return true;
}

}  // namespace plangen
