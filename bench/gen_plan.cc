// gen_plan N FILE: writes a synthetic plan of about N servers.
// gen_plan --roles R FILE: writes a plan of R roles, each doing one step of one scenario.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "synthetic_plan.h"

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--roles") {
    std::ofstream(argv[3], std::ios::binary) << plangen::bench::RolesPlan(std::atoi(argv[2]));
    return 0;
  }
  if (argc != 3) {
    std::cerr << "usage: gen_plan SERVERS FILE\n       gen_plan --roles ROLES FILE\n";
    return 2;
  }
  std::ofstream(argv[2], std::ios::binary) << plangen::bench::CleanSyntheticPlan(std::atoi(argv[1]));
  return 0;
}
