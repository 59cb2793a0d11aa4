// Fuzz target: an Excel 2003 XML Spreadsheet (SpreadsheetML) through the workbook reader.
#include "fuzz_support.h"
#include "sheets/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace plangen;
  SourceManager sm;
  DiagEngine diags(sm);
  sheets::Workbook book;
  sheets::ReadSpreadsheetMl("in.xml", std::string(reinterpret_cast<const char*>(data), size), &book, sm, diags);
  return 0;
}
