#!/usr/bin/env bash
# Redraws the pictures of docs/outputs.md (docs/images/*.png) from the Contoso sample, built with
# --pdf as of 2026-12-01: the HTML pages as Chromium shows them, the Word, PDF and Excel files as
# LibreOffice and poppler print their first page. Run it after a change to what an output looks
# like, look at each picture, and commit them with the change.
#   scripts/screenshots.sh [PLANGEN]   (default: build/plangen)
# Needs chromium, soffice (LibreOffice Writer and Calc) and pdftoppm (poppler-utils):
# scripts/setup-debian.sh --test-tools installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
plangen=$(readlink -f "${1:-build/plangen}")
images=docs/images
for tool in chromium soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is not installed" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
"$plangen" build samples/contoso/plan.xml --as-of 2026-12-01 --pdf --quiet -o "$out" >/dev/null
mkdir -p "$images" "$work/pdf"

# An HTML page, its top as a 1000 x HEIGHT window shows it, drawn at 60 %.
html() {
  local name=$1 page=$2 height=$3
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chromium" \
    --window-size="1000,$height" --force-device-scale-factor=0.6 \
    --screenshot="$images/$name.png" "file://$out/$page" >/dev/null 2>&1
}
# Page PAGE of a PDF at 60 dpi; or, with DPI X Y W H, the part of it at X,Y that is W x H
# pixels at DPI (a worksheet's landscape page is mostly blank, and unreadable at 60 dpi).
pdf_page() {
  local name=$1 pdf=$2 page=$3
  local -a area=(-r 60)
  if [ $# -gt 3 ]; then area=(-r "$4" -x "$5" -y "$6" -W "$7" -H "$8"); fi
  pdftoppm -png "${area[@]}" -f "$page" -l "$page" -singlefile "$pdf" "$images/$name"
}
# Like pdf_page, for a Word or Excel file as LibreOffice prints it.
office_page() {
  local name=$1 file=$2
  shift 2
  HOME="$work/home" soffice --headless --convert-to pdf --outdir "$work/pdf" "$out/$file" >/dev/null 2>&1
  pdf_page "$name" "$work/pdf/$(basename "${file%.*}").pdf" "$@"
}

html runbook-html runbooks/lync-ops.html 1250
html checklist-html checklists/validation.html 900
html index-html index.html 900
html summary-html summary.html 1100
office_page runbook-docx runbooks/lync-ops.docx 1
office_page checklist-docx checklists/validation.docx 1
pdf_page runbook-pdf "$out/runbooks/lync-ops.pdf" 2
pdf_page checklist-pdf "$out/checklists/validation.pdf" 1
office_page worksheet-xlsx worksheets/pool01.contoso.com.xlsx 1 110 70 20 1080 150
office_page checklist-xlsx checklists/validation.xlsx 1 110 70 70 1080 160
ls -l "$images"
