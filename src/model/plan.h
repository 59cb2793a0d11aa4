// The in-memory plan: plain data, every element with its source location. No I/O here.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/values.h"

namespace plangen {

struct Contact {
  Text type;   ///< email, phone, pager, chat, other
  Text value;
  Loc loc;
};

struct Role {
  Text id;
  Text name;
  Text kind;        ///< team | individual
  Text department;  ///< business area (D2 hand-offs are between departments)
  Text role_kind;   ///< what the role does: lync-admin, database, storage, network, ... (matches profile steps)
  std::vector<Contact> contacts;
  Loc loc;
  std::vector<Ref> members;  ///< ids of the people who fill the role
  Text time_zone;            ///< IANA zone its people keep ("Europe/Dublin"); optional
};

/// Someone who fills one or more roles.
struct Person {
  Text id;
  Text name;
  std::vector<Contact> contacts;
  Loc loc;
};

struct Approval {
  Text kind;          ///< business | technical
  Ref by;             ///< role id
  DateValue date;
  Text plan_version;
  Text digest;        ///< the plan digest the approver saw (optional)
  Text comment;
  Loc loc;
  std::vector<Ref> waivers;  ///< ids of waivers this (business) approval accepts
};

struct Governance {
  Ref reviewer, validator, change_approver;
  DurationValue review_interval;
  DateValue last_reviewed;
  std::vector<Approval> approvals;
  std::vector<Text> decision_criteria;  ///< D7: when and how to restore service
  Loc loc;
  bool present = false;
};

struct Location {
  Text id;
  Text path;
  Text host;                     ///< server the location sits on (for "backup on the server it protects")
  std::vector<Text> types;       ///< settings, database, file-store
  BoolValue secure, offsite;
  Text notes;
  Loc loc;
  Text region;  ///< where the copies are kept, for data residency ("eu", "us-east", ...)
  Text kind;    ///< disk | share | tape | cloud-vault
};

struct Service {
  Text type;    ///< topology service name: UserStore, FileStore, CentralMgmtStore...
  Text share;   ///< FileStore share name
  Text instance;///< SQL instance for stores
  Loc loc;
};

struct Server {
  Text fqdn;
  std::vector<Text> roles;   ///< front-end, back-end, edge, file-server, sql, ...
  Ref mirror_of;             ///< for a mirror Back End: the primary's FQDN
  Text instance;             ///< SQL instance name
  std::vector<Service> services;
  Loc loc;
  int pool = -1;             ///< index into Topology::pools
};

struct Pool {
  Text id;
  Text fqdn;
  Text edition;   ///< enterprise | standard
  Text kind;      ///< front-end, edge, persistent-chat, director, mediation, sql, file, office-web-apps, sba
  Ref paired_with;
  std::vector<int> servers;  ///< indexes into Topology::servers
  Loc loc;
  int site = -1;
};

struct Site {
  Text id;
  Text name;
  std::vector<int> pools;
  Loc loc;
  Text time_zone;               ///< IANA zone its schedules are read in ("Europe/Dublin")
  std::vector<Text> residency;  ///< regions where copies of its data may be kept; empty: anywhere
};

struct Topology {
  Text file;  ///< topology file to import or compare (M1 drift)
  /// "sha256:..." of the bytes `file` points at (set by the driver when it can read them), so that
  /// the plan digest follows the topology itself rather than how its path is spelled.
  std::string file_digest;
  std::vector<Site> sites;
  std::vector<Pool> pools;
  std::vector<Server> servers;
  Loc loc;
  bool present = false;
};

struct Spare {
  Text id;
  Text source;
  DurationValue lead_time;
  Ref contact;   ///< role id
  Text notes;
  Loc loc;
  Ref site;                 ///< site id where the spare is kept (optional)
  DurationValue transport;  ///< time to bring it to another site (optional)
};

struct Backup {
  Text id;
  Text item;        ///< profile data item id
  Ref server;       ///< server FQDN
  Ref owner;        ///< role id
  ScheduleValue schedule;
  DurationValue retention;
  std::vector<Ref> locations;
  Ref procedure;    ///< plan procedure id, or a profile procedure id; empty = profile default
  Text run_as;      ///< account the scheduled backup runs under (DOMAIN\\user), may be empty
  Text notes;
  Loc loc;
};

struct ProcedureStep {
  Text text;
  Ref role;         ///< optional: who does this step
  Text tool;
  Loc loc;
};

struct Procedure {
  Text id;
  Text kind;        ///< backup | restore
  Text title;
  Text based_on;    ///< profile procedure id it adapts
  std::vector<Text> tools;
  std::vector<Text> excludes;  ///< files the procedure leaves out (e.g. Meeting.Active)
  std::vector<ProcedureStep> steps;
  DateValue last_changed;
  DateValue last_tested;
  Ref tested_by;
  Loc loc;
};

struct ScenarioStep {
  Text id;
  Text title;
  Ref role;
  DurationValue estimate;
  std::vector<Ref> after;  ///< ids of steps of the same scenario that must finish first
  Ref procedure;
  Loc loc;
};

struct Scenario {
  Text id;
  Text title;
  Text template_id;  ///< profile scenario it follows
  DurationValue rto, rpo;
  Ref decider;
  BoolValue new_hardware;
  Ref spare;
  std::vector<Ref> covers;  ///< server FQDNs or pool FQDNs/ids
  std::vector<Ref> items;   ///< profile data items it restores (optional; default from its template)
  std::vector<Text> criteria;
  std::vector<ScenarioStep> steps;
  Loc loc;
};

struct ValidationCheck {
  Text id;
  Text kind;     ///< V1..V5, M1
  DurationValue interval;
  Ref owner;
  Text records;  ///< where the records are kept
  Text target;   ///< what is checked (a backup, scenario, server...); free text or id
  Text title;
  Loc loc;
};

struct Waiver {
  Text code;      ///< PGnnnn
  Text severity;  ///< off | note | warning | error
  Text reason;
  Loc loc;
  Text id;                  ///< named by the business approval that lets it lower a data-safety finding
  Ref owner;                ///< role answerable for the waiver
  DateValue expires;        ///< it stops applying after this day
  std::vector<Text> scope;  ///< ids and FQDNs of the elements it covers: findings naming one of them
};

/// A decision the plan leaves open: a value written as a TODO placeholder (see IsPlaceholder),
/// recorded by the loader wherever it is, in any attribute or text.
struct OpenDecision {
  Loc loc;                    ///< the placeholder's first character
  std::string element;        ///< "backup 'sql01-rtcxds'", "step 'x' of scenario 'y'", "criterion of governance"
  std::string attribute;      ///< the attribute that holds it; empty for an element's text
  std::vector<std::string> allowed;  ///< the values the attribute takes, when they form a closed set
  /// For a reference, what it names ("role", "location", "spare"): the allowed values are then the
  /// ids of that kind in the plan, filled in once the whole plan is read.
  std::string refers_to;
  bool many = false;  ///< the attribute takes a space-separated list of the allowed values
};

struct Plan {
  int32_t file = -1;  ///< the main plan file
  std::vector<int32_t> files;  ///< the plan file and every included part
  Text id, version, profile, title, description;
  DateValue last_changed;  ///< when the plan itself last changed (approvals older than it are stale)
  Loc loc;
  std::vector<Role> roles;
  Governance governance;
  std::vector<Location> locations;
  Topology topology;
  std::vector<Spare> spares;
  std::vector<Backup> backups;
  std::vector<Procedure> procedures;
  std::vector<Scenario> scenarios;
  std::vector<ValidationCheck> checks;
  std::vector<Waiver> waivers;
  std::vector<Person> people;
  std::vector<OpenDecision> decisions;  ///< in the order of `files`, each file in document order

  // Lookups by id (FQDNs without regard to case). Each builds a hash index on first use, so a
  // plan must be complete before it is searched; the loader never searches.
  const Role* FindRole(const std::string& id) const;
  const Location* FindLocation(const std::string& id) const;
  const Server* FindServer(const std::string& fqdn) const;
  const Pool* FindPool(const std::string& id_or_fqdn) const;
  const Procedure* FindProcedure(const std::string& id) const;
  const Spare* FindSpare(const std::string& id) const;
  const Scenario* FindScenario(const std::string& id) const;
  const Person* FindPerson(const std::string& id) const;
  /// The roles person `id` is a member of, in plan order.
  const std::vector<const Role*>& RolesOfPerson(const std::string& id) const;
  /// Backups of the server `fqdn` (any case), in plan order.
  const std::vector<const Backup*>& BackupsOn(const std::string& fqdn) const;
  /// Backups of the servers of pool number `pool` (index into topology.pools), in plan order.
  const std::vector<const Backup*>& BackupsInPool(int pool) const;
  /// The mirror whose mirror-of names `primary_fqdn`, if any.
  const Server* MirrorOf(const std::string& primary_fqdn) const;
  /// Builds the lookups now, so that threads reading the plan afterwards only read.
  void BuildIndexes() const { Index(); }
  /// The first backup of data item `item` in plan order, if any.
  const Backup* FirstBackupOf(const std::string& item) const;
  /// Backups owned by role `id`, in plan order.
  const std::vector<const Backup*>& BackupsOwnedBy(const std::string& id) const;
  /// Scenarios in which role `id` decides or does a step, in plan order.
  const std::vector<const Scenario*>& ScenariosOf(const std::string& id) const;
  /// The roles that coordinate the plan: the deciders of its scenarios (plan order), then its
  /// reviewer and change approver; each id once.
  const std::vector<std::string>& Coordinators() const;
  /// The first two pools (plan order) of `kind`: enough to answer "is there one" and "is there
  /// one other than this one".
  const std::vector<const Pool*>& FirstPoolsOfKind(const std::string& kind) const;
  /// The first two pools (plan order) of `kind` whose site is `site` (Pool::site, -1 for none).
  const std::vector<const Pool*>& FirstPoolsOfKindInSite(const std::string& kind, int site) const;
  /// The first pool of `kind` (plan order) whose site differs from that of the first pool of
  /// `kind`, if any.
  const Pool* FirstPoolOfKindInAnotherSite(const std::string& kind) const;
  /// Drops the indexes, for a plan changed in place after it was searched: the next lookup
  /// builds them again.
  void ForgetIndexes() { indexes_.reset(); }

 private:
  struct Indexes;
  const Indexes& Index() const;
  mutable std::shared_ptr<const Indexes> indexes_;
};

}  // namespace plangen
