// Writes the text of a plan.xml from a topology and a profile (plangen init), and says which parts
// of a topology a plan lists, so that drift (M1) compares exactly what init writes.
#pragma once

#include <string>
#include <vector>

#include "model/profile.h"
#include "topology/topology.h"

namespace plangen::topo {

/// Whether a plan lists this cluster as a pool: every Lync server role and the SQL and file
/// servers. PSTN gateways and "other" clusters (trusted applications, video gateways) are backed
/// up with their vendor's procedures and are left out.
bool IsPlanPool(const Cluster& c);
/// The plan's pool kind for a cluster: front-end (also Standard Edition), director, edge, sql...
std::string PlanPoolKind(const Cluster& c);
/// The plan's edition: "enterprise" or "standard" for Front End pools, "" for the others.
std::string PlanPoolEdition(const Cluster& c);
/// How people name a cluster of this kind: "Front End pool", "SQL Server", "file server"...
std::string PoolKindLabel(const Cluster& c);
/// The plan server role of the computers of a cluster (a profile <role> name).
std::string PlanServerRole(const Topology& t, const Cluster& c);
/// The services a plan lists on the server of a cluster: the stores on its SQL Server instances and
/// its FileStore shares, in file order.
std::vector<const Service*> PlanServices(const Topology& t, const Cluster& c);
/// Whether a topology service is a data store a plan lists (SQL-hosted, or a FileStore).
bool IsPlanStore(const Service& s);

struct SkeletonOptions {
  std::string plan_id;        ///< empty: derived from the first site's name
  std::string topology_file;  ///< written as <topology file="...">, so that check compares them; may be empty
  std::string topology_name;  ///< how the topology is named in the opening comment
};

/// What was written, for the message plangen init prints.
struct SkeletonSummary {
  int sites = 0, pools = 0, servers = 0, backups = 0, scenarios = 0;
  int decisions = 0;  ///< TODO placeholders written
  std::vector<std::string> left_out;  ///< clusters not written (FQDN and kind)
};

/// The plan.xml text for a topology: sites, pools, servers with roles and stores, a backup for every
/// data item the profile maps from the topology's services (no-backup items excluded), scenarios
/// covering every pool, and TODO placeholders for what a person must decide. Deterministic.
std::string PlanSkeleton(const Topology& t, const Profile& profile, const SkeletonOptions& options,
                         SkeletonSummary* summary = nullptr);

/// A commented starter plan for when there is no topology file.
std::string StarterPlan(const Profile& profile, SkeletonSummary* summary = nullptr);

}  // namespace plangen::topo
