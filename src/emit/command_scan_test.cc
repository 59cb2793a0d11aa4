// The command scans find what the patterns they stand for find: the same matches, in order, on
// commands of the profiles' kind and on random text made of the characters the patterns turn on.
#include <boost/test/unit_test.hpp>
#include <random>
#include <regex>

#include "emit/command_scan.h"

namespace plangen {
namespace {

const std::regex kHostParam(R"(-(\w*fqdn|computername)\s+"?([^\s";,)]+))", std::regex::icase);
const std::regex kUnc(R"(\\\\([A-Za-z0-9.-]+)\\([^\\\s"';]+))");

std::vector<std::string> RegexHosts(const std::string& s) {
  std::vector<std::string> out;
  for (std::sregex_iterator it(s.begin(), s.end(), kHostParam), end; it != end; ++it) out.push_back((*it)[2]);
  return out;
}

std::vector<std::pair<std::string, std::string>> RegexShares(const std::string& s) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::sregex_iterator it(s.begin(), s.end(), kUnc), end; it != end; ++it) out.emplace_back((*it)[1], (*it)[2]);
  return out;
}

void Same(const std::string& s) {
  BOOST_TEST((HostParameterValues(s) == RegexHosts(s)), "host parameters of [" << s << "]");
  BOOST_TEST((UncShares(s) == RegexShares(s)), "shares of [" << s << "]");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(command_scan)

BOOST_AUTO_TEST_CASE(finds_what_the_patterns_find_in_commands) {
  const std::vector<std::string> commands = {
      R"(Export-CsConfiguration -FileName "\\fs01.contoso.com\backup\cms\config.zip")",
      R"(Get-CsPool -Identity pool01.contoso.com; Test-CsDatabase -ConfiguredDatabases -SqlServerFqdn be01.contoso.com)",
      R"(Import-CsUserData -PoolFqdn "pool02.contoso.com" -FileName \\backup01\lync\userdata.zip)",
      R"(Invoke-Command -ComputerName fe01.contoso.com -ScriptBlock { Stop-CsWindowsService })",
      R"(Install-CsDatabase -CentralManagementDatabase -SqlServerFqdn "be.contoso.com" -SqlInstanceName rtc)",
      R"(robocopy \\fs.contoso.com\share$\1-WebServices-1 \\bk.contoso.com\lync-files /MIR)",
      R"(-PoolFqdn -ComputerName "" -Fqdn ; -fqdn) -FQDN	"x" \\\\h\s \\h\\s \\h\s"t' \\-.\x)",
      R"(Move-CsManagementServer -ComputerName:fe01 -XFqdnY host -poolFQDN  pool.contoso.com,other)",
  };
  for (const std::string& c : commands) Same(c);
  BOOST_TEST(HostParameterValues(commands[2]) == std::vector<std::string>{"pool02.contoso.com"});
  BOOST_TEST(UncShares(commands[0]).size() == 1u);
}

BOOST_AUTO_TEST_CASE(finds_what_the_patterns_find_in_random_text) {
  // Pieces the patterns turn on, joined at random: a seeded generator, so a failure repeats.
  const std::vector<std::string> pieces = {"-", "fqdn", "FQDN", "computername", "ComputerName", "Pool", " ", "\t",
                                           "\"", ";", ",", ")", "\\", "\\\\", "h", "x.y", "-", "_", "'", "$",
                                           "a", "9", "\n", "share"};
  std::mt19937 gen(20261201);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), length(1, 24);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t k = length(gen); k > 0; --k) s += pieces[pick(gen)];
    Same(s);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen
