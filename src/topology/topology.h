// Reads a Lync Server / Skype for Business Server topology: a Topology Builder file (.tbxml) or the
// XML printed by 'Get-CsTopology -AsXml'. Both are turned into the same model, every element keeping
// its location in the file so that later checks (plan drift, init) can point at it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "util/source_manager.h"

namespace plangen::topo {

/// Which of the two file shapes was read.
enum class Format {
  kTopologyBuilder,  ///< .tbxml: TopologyBuilder/NewTopology/PartialTopology, ids are GUIDs
  kPublished,        ///< Get-CsTopology -AsXml: Topology root, ids are SiteId/Number/RoleName/Instance
};

/// What a cluster is, derived from the services installed on it.
enum class PoolKind {
  kFrontEnd,          ///< Enterprise Edition Front End pool (Registrar + UserServices, Back End elsewhere)
  kStandardEdition,   ///< Standard Edition server: Front End with its own SQL Server Express store
  kDirector,          ///< Registrar with IsDirector="true"
  kEdge,              ///< EdgeServer
  kSql,               ///< SQL Server (Back End, Archiving, Monitoring, Persistent Chat store...)
  kFile,              ///< file server holding a FileStore share
  kPersistentChat,    ///< PersistentChatServer
  kMediation,         ///< stand-alone MediationServer
  kOfficeWebApps,     ///< WacService
  kSba,               ///< Survivable Branch Appliance or Server: a Registrar in a branch site
  kPstnGateway,       ///< PstnGateway
  kOther,             ///< anything else (trusted application pools, video interop...)
};

/// "front-end", "standard-edition", "director", "edge", "sql", "file", "persistent-chat",
/// "mediation", "office-web-apps", "sba", "pstn-gateway", "other".
const char* PoolKindName(PoolKind kind);

struct Machine {
  std::string fqdn;  ///< for a single-machine cluster written as <Machine />, the cluster's FQDN
  Loc loc;           ///< the <Machine> element
};

struct Cluster {
  std::string id;       ///< .tbxml: UniqueId GUID; published: "SiteId:Number", e.g. "1:2"
  std::string fqdn;     ///< pool or server FQDN as written
  std::string site_id;  ///< the site it belongs to
  bool single_machine = false;  ///< the cluster is one computer (SE server, SQL or file server...)
  bool is_sql = false;          ///< holds at least one SQL Server instance
  PoolKind kind = PoolKind::kOther;  ///< derived from the services installed on it
  std::vector<Machine> machines;
  Loc loc;       ///< the <Cluster> element
  Loc fqdn_loc;  ///< the value of its Fqdn attribute
};

struct SqlInstance {
  std::string id;            ///< .tbxml: UniqueId GUID; published: "SiteId:Number/Name", e.g. "1:3/rtc"
  std::string cluster_id;    ///< the cluster (SQL Server computer) holding it
  std::string cluster_fqdn;
  std::string instance;      ///< instance name; empty for the default instance
  std::string mirror_id;     ///< the mirror SQL Server instance, when the store is mirrored
  std::string mirror_fqdn;
  std::string mirror_instance;
  Loc loc;         ///< the <SqlInstance> element
  Loc mirror_loc;  ///< the mirror reference, when there is one
};

struct Service {
  std::string id;    ///< .tbxml: UniqueId GUID; published: "SiteId-RoleName-Instance", e.g. "1-UserStore-1"
  /// RoleName as written ("UserStore", "FileStore", "Registrar", "EdgeServer"...), except that a
  /// Registrar with IsDirector="true" is "Director".
  std::string role;
  int version = 0;   ///< ServiceVersion: 5 Lync 2010, 6 Lync 2013, 7 SfB 2015, 8 SfB 2019; 0 if absent
  std::string installed_on_cluster_id;
  std::string installed_on_cluster_fqdn;  ///< for a SQL-hosted store, the SQL Server's FQDN
  std::string sql_instance_id;            ///< set when the service is installed on a SQL Server instance
  std::string share;                      ///< FileStore share name (FileStoreService ShareName)
  std::vector<std::string> depends_on_ids;  ///< in file order
  std::string site_id;
  /// For stores (SQL-hosted services and file stores): the Front End or Standard Edition pools that
  /// use it, found by following the dependencies back from the store (see docs/topology.md). Empty
  /// when no pool uses it.
  std::vector<std::string> front_end_pools;
  Loc loc;        ///< the <Service> element
  Loc role_loc;   ///< the RoleName value
  Loc share_loc;  ///< the ShareName value of a FileStore
};

struct Site {
  std::string id;    ///< SiteId as written ("1")
  std::string name;  ///< <Name> text
  bool branch = false;
  std::string parent_site_id;  ///< for a branch site, its central site
  Loc loc;
};

struct Topology {
  int32_t file = -1;            ///< SourceManager id of the file read
  Format format = Format::kTopologyBuilder;
  std::string schema_version;   ///< namespace version, "2008"
  int service_version = 0;      ///< highest ServiceVersion among the services, 0 if none
  /// False when Topology Builder marks the topology as never published (IsPublished="false").
  bool published = true;
  /// The organisation's default SIP domain (InternalDomains DefaultDomain), "" when not given.
  std::string default_domain;
  std::vector<Site> sites;      ///< file order (a .tbxml branch site follows its central site)
  std::vector<Cluster> clusters;  ///< file order
  std::vector<SqlInstance> sql;   ///< file order
  std::vector<Service> services;  ///< file order

  const Site* FindSite(const std::string& id) const;
  const Cluster* FindCluster(const std::string& id) const;
  /// A cluster by its FQDN, ignoring case.
  const Cluster* FindClusterByFqdn(const std::string& fqdn) const;
  /// The cluster a computer belongs to (by machine FQDN, ignoring case).
  const Cluster* ClusterOfMachine(const std::string& machine_fqdn) const;
  const SqlInstance* FindSqlInstance(const std::string& id) const;
  const Service* FindService(const std::string& id) const;
  /// Services installed on a cluster, directly or on one of its SQL Server instances, in file order.
  std::vector<const Service*> ServicesOn(const std::string& cluster_id) const;
  /// Services with a role, in file order.
  std::vector<const Service*> ServicesWithRole(const std::string& role) const;
  /// The product that wrote the services: "Lync Server 2013"... or "" when unknown.
  std::string ProductName() const;
};

/// Reads a topology file. Returns false (with diagnostics) when the file cannot be used; on
/// success `out` holds the topology, and warnings may have been reported.
bool ReadTopology(const std::string& path, const std::string& display, Topology* out, SourceManager& sm,
                  DiagEngine& diags);
/// The same from bytes already in memory, registered under the name `display`.
bool ReadTopologyBytes(const std::string& display, const std::string& bytes, Topology* out, SourceManager& sm,
                       DiagEngine& diags);

/// Upper bounds on what one topology may hold; well above any real deployment.
constexpr size_t kMaxTopologyItems = 5000;         ///< sites, clusters, machines, SQL instances, services each
constexpr size_t kMaxTopologyDependencies = 20000; ///< dependencies in all

}  // namespace plangen::topo
