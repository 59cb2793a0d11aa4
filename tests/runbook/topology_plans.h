// Plans for many Lync topologies, generated for the runbook property tests: Standard and
// Enterprise Edition, with and without the Central Management store, mirrored, paired (in the same
// site or another), with Persistent Chat, Edge, Monitoring and Archiving and a branch appliance.
// Each backs up what its topology holds and covers every server with a scenario that follows one
// of the profile's templates, so a correct profile gives a plan without errors.
#pragma once

#include <string>
#include <vector>

namespace plangen::testing {

struct TopologyShape {
  bool enterprise = true;       ///< the main pool is Enterprise Edition (else Standard Edition)
  bool holds_cms = true;        ///< the main pool holds the Central Management store (else a second SE pool does)
  bool mirrored = false;        ///< the main Back End has a mirror (Enterprise Edition only)
  int paired = 0;               ///< 0: no paired pool; 1: paired pool in the same site; 2: in another site
  bool persistent_chat = false; ///< a Persistent Chat pool with its SQL Server
  bool chat_by_sql = false;     ///< mgc is backed up with SQL Server rather than Export-CsPersistentChatData
  bool edge = false;            ///< an Edge pool in the main site
  bool branch = false;          ///< a branch site with a Survivable Branch Appliance
  bool monitoring = false;      ///< Archiving and Monitoring stores on the main Back End
  int front_ends = 3;

  std::string Name() const;
};

/// Every combination of the shape's options (a few hundred).
std::vector<TopologyShape> AllShapes();

/// The plan.xml text for a shape.
std::string TopologyPlan(const TopologyShape& shape);

}  // namespace plangen::testing
