// gen_plan N FILE: writes a synthetic plan of about N servers.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "synthetic_plan.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: gen_plan SERVERS FILE\n";
    return 2;
  }
  std::ofstream(argv[2], std::ios::binary) << plangen::bench::CleanSyntheticPlan(std::atoi(argv[1]));
  return 0;
}
