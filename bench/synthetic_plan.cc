#include "synthetic_plan.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/plan_digest.h"
#include "load/plan_loader.h"

namespace plangen::bench {

std::string SyntheticPlan(int servers, const std::string& digest, int step_roles) {
  const std::string d = digest.empty() ? "" : " digest=\"" + digest + "\"";
  const int pools = servers / 10 > 0 ? servers / 10 : 1;
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<plan xmlns=\"urn:plangen:plan:1\" id=\"synthetic\" version=\"1\" profile=\"lync-server-2013\">\n"
       "  <title>Synthetic plan of " << servers << " servers</title>\n"
       "  <roles>\n"
       "    <role id=\"ops\" kind=\"team\" name=\"Operations\" department=\"UC\" role-kind=\"lync-admin\"><contact type=\"email\">ops@example.com</contact></role>\n"
       "    <role id=\"dba\" kind=\"team\" name=\"Databases\" department=\"Data\" role-kind=\"database\"/>\n"
       "    <role id=\"storage\" kind=\"team\" name=\"Storage\" department=\"Infrastructure\" role-kind=\"storage\"/>\n"
       "    <role id=\"im\" kind=\"individual\" name=\"Incident Manager\" department=\"ITSM\"/>\n"
       "    <role id=\"arch\" kind=\"individual\" name=\"Architect\" department=\"UC\"/>\n"
       "    <role id=\"dir\" kind=\"individual\" name=\"Director\" department=\"IT\"/>\n"
       "    <role id=\"cio\" kind=\"individual\" name=\"CIO\" department=\"Executive\"/>\n";
  for (int r = 0; r < step_roles; ++r)
    x << "    <role id=\"r" << r << "\" kind=\"team\" name=\"Team " << r << "\" department=\"UC\"><contact type=\"email\">r" << r
      << "@example.com</contact></role>\n";
  x << "  </roles>\n"
       "  <governance reviewer=\"arch\" validator=\"im\" change-approver=\"dir\" review-interval=\"P6M\" last-reviewed=\"2026-10-15\">\n"
       "    <approval kind=\"business\" by=\"cio\" date=\"2026-10-20\" plan-version=\"1\"" << d << "/>\n"
       "    <approval kind=\"technical\" by=\"dir\" date=\"2026-10-19\" plan-version=\"1\"" << d << "/>\n"
       "    <decision-criteria><criterion>Restore after troubleshooting fails.</criterion></decision-criteria>\n"
       "  </governance>\n"
       "  <locations>\n"
       "    <location id=\"bk\" path=\"\\\\bk.example.com\\b\" host=\"bk.example.com\" types=\"settings database file-store\" secure=\"yes\" offsite=\"no\"/>\n"
       "    <location id=\"vault\" path=\"\\\\vault.example.net\\b\" host=\"vault.example.net\" types=\"settings database file-store\" secure=\"yes\" offsite=\"yes\"/>\n"
       "  </locations>\n"
       "  <topology>\n    <site id=\"s1\" name=\"Site\">\n";
  for (int p = 0; p < pools; ++p) {
    x << "      <pool id=\"pool" << p << "\" fqdn=\"pool" << p << ".example.com\" edition=\"enterprise\" kind=\"front-end\">\n";
    for (int f = 0; f < 8; ++f) x << "        <server fqdn=\"fe" << p << "-" << f << ".example.com\" roles=\"front-end\"/>\n";
    x << "        <server fqdn=\"be" << p << ".example.com\" roles=\"back-end\" instance=\"rtc\">";
    if (p == 0) x << "<service type=\"CentralMgmtStore\"/>";
    x << "<service type=\"UserStore\"/><service type=\"ApplicationStore\"/></server>\n"
      << "        <server fqdn=\"fs" << p << ".example.com\" roles=\"file-server\"><service type=\"FileStore\" share=\"Share" << p << "\"/></server>\n"
      << "      </pool>\n";
  }
  x << "    </site>\n  </topology>\n"
       "  <spare-hardware><spare id=\"hw\" source=\"Vendor contract\" lead-time=\"PT4H\" contact=\"storage\"/></spare-hardware>\n"
       "  <backups>\n";
  for (int p = 0; p < pools; ++p) {
    std::string be = "be" + std::to_string(p) + ".example.com";
    if (p == 0) {
      x << "    <backup id=\"xds\" item=\"xds\" server=\"" << be << "\" owner=\"ops\" schedule=\"daily 01:00\" retention=\"P30D\" locations=\"bk vault\"/>\n"
        << "    <backup id=\"lis\" item=\"lis\" server=\"" << be << "\" owner=\"ops\" schedule=\"daily 01:10\" retention=\"P30D\" locations=\"bk vault\"/>\n";
    }
    x << "    <backup id=\"users" << p << "\" item=\"rtcxds\" server=\"" << be << "\" owner=\"ops\" schedule=\"daily 02:00\" retention=\"P30D\" locations=\"bk vault\"/>\n"
      << "    <backup id=\"rgs" << p << "\" item=\"rgsconfig\" server=\"" << be << "\" owner=\"ops\" schedule=\"daily 02:10\" retention=\"P30D\" locations=\"bk vault\"/>\n"
      << "    <backup id=\"files" << p << "\" item=\"file-store\" server=\"fs" << p << ".example.com\" owner=\"storage\" schedule=\"daily 03:00\" retention=\"P30D\" locations=\"bk vault\"/>\n";
  }
  x << "  </backups>\n  <scenarios>\n";
  for (int p = 0; p < pools; ++p) {
    x << "    <scenario id=\"pool" << p << "-lost\" title=\"Pool " << p << " lost\" rto=\"P2D\" rpo=\"P1D\" decider=\"im\" new-hardware=\"yes\" spare=\"hw\" covers=\"pool" << p;
    for (int f = 0; f < 8; ++f) x << " fe" << p << "-" << f << ".example.com";
    x << " be" << p << ".example.com fs" << p << ".example.com\">\n"
      << "      <criteria>All servers of pool " << p << " are lost.</criteria>\n"
      << "      <step id=\"be\" title=\"Restore the Back End\" role=\"dba\" estimate=\"PT8H\"/>\n"
      << "      <step id=\"fe\" title=\"Rebuild the Front End servers\" role=\"ops\" estimate=\"PT8H\" after=\"be\"/>\n"
      << "      <step id=\"fs\" title=\"Restore the File Store\" role=\"storage\" estimate=\"PT4H\"/>\n"
      << "    </scenario>\n";
  }
  if (step_roles > 0) {
    x << "    <scenario id=\"chain\" title=\"Chain of hand-offs\" rto=\"P30D\" rpo=\"P1D\" decider=\"im\" covers=\"pool0\">\n"
      << "      <criteria>Pool 0 needs every team.</criteria>\n";
    for (int r = 0; r < step_roles; ++r) {
      x << "      <step id=\"s" << r << "\" title=\"Step of team " << r << "\" role=\"r" << r << "\" estimate=\"PT1M\"";
      if (r > 0) x << " after=\"s" << r - 1 << "\"";
      x << "/>\n";
    }
    x << "    </scenario>\n";
  }
  x << "  </scenarios>\n  <validations>\n"
       "    <check id=\"v1\" kind=\"V1\" interval=\"P1D\" owner=\"ops\" records=\"log\"/>\n"
       "    <check id=\"v2\" kind=\"V2\" interval=\"P7D\" owner=\"storage\" records=\"log\"/>\n"
       "    <check id=\"v3\" kind=\"V3\" interval=\"P1M\" owner=\"im\" records=\"log\"/>\n"
       "    <check id=\"v4\" kind=\"V4\" interval=\"P3M\" owner=\"arch\" records=\"log\"/>\n"
       "    <check id=\"v5\" kind=\"V5\" interval=\"P3M\" owner=\"ops\" records=\"log\"/>\n"
       "    <check id=\"m1\" kind=\"M1\" interval=\"P6M\" owner=\"arch\" records=\"log\"/>\n"
       "  </validations>\n</plan>\n";
  return x.str();
}

}  // namespace plangen::bench

namespace plangen::bench {

namespace {

// `text` (SyntheticPlan(servers, "", step_roles)) with its approvals bound to its own digest.
std::string Cleaned(const std::string& text, int servers, int step_roles) {
  std::string path = (std::filesystem::temp_directory_path() / ("plangen-synthetic-" + std::to_string(getpid()) + ".xml")).string();
  std::ofstream(path, std::ios::binary) << text;
  SourceManager sm;
  DiagEngine diags(sm);
  Plan plan;
  LoadPlan(path, "plan.xml", &plan, sm, diags);
  std::filesystem::remove(path);
  return SyntheticPlan(servers, check::PlanDigest(plan), step_roles);
}

}  // namespace

std::string CleanSyntheticPlan(int servers) { return Cleaned(SyntheticPlan(servers), servers, 0); }

std::string RolesPlan(int roles) { return Cleaned(SyntheticPlan(10, "", roles), 10, roles); }

}  // namespace plangen::bench
