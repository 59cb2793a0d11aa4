// Fuzz target: a Topology Builder file (.tbxml or Get-CsTopology -AsXml) through the reader.
#include "fuzz_support.h"
#include "topology/topology.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace plangen;
  SourceManager sm;
  DiagEngine diags(sm);
  topo::Topology t;
  topo::ReadTopologyBytes("in.tbxml", std::string(reinterpret_cast<const char*>(data), size), &t, sm, diags);
  return 0;
}
