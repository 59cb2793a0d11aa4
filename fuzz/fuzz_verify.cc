// Fuzz target: an audit package (zip) through `plangen verify`'s checks.
#include "audit/package.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace plangen;
  std::string path = fuzz::WriteInput("package.zip", data, size);
  SourceManager sm;
  DiagEngine diags(sm);
  audit::VerifyOptions vo;
  audit::VerifyResult result;
  audit::VerifyPackage(path, vo, sm, diags, &result);
  return 0;
}
