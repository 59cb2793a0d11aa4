#include "model/sites.h"

namespace plangen {

const Site* SiteOfServer(const Plan& plan, const std::string& fqdn) {
  const Server* s = plan.FindServer(fqdn);
  if (!s || s->pool < 0 || s->pool >= static_cast<int>(plan.topology.pools.size())) return nullptr;
  int site = plan.topology.pools[s->pool].site;
  if (site < 0 || site >= static_cast<int>(plan.topology.sites.size())) return nullptr;
  return &plan.topology.sites[site];
}

}  // namespace plangen
