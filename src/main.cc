// plangen: the only place that reads argv, the environment, the clock and the terminal.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "driver/commands.h"

int main(int argc, char** argv) {
  plangen::Environment env;
  std::int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    char* end = nullptr;
    long long v = std::strtoll(sde, &end, 10);
    if (end && *end == '\0' && v >= 0) seconds = v;
  }
  env.today = plangen::Date{static_cast<int32_t>(seconds / 86400)};
  env.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
  env.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
  env.no_color = std::getenv("NO_COLOR") != nullptr;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return plangen::RunCommandLine(args, env);
  } catch (const std::bad_alloc&) {
    std::cerr << "plangen: out of memory\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "plangen: internal error: " << e.what() << "\n";
    return 3;
  }
}
