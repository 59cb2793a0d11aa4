#!/usr/bin/env bash
# Configures (once) and builds plangen into build/.
#   scripts/build.sh             the release build in build/
#   scripts/build.sh --sanitize  build-san/ only: clang, ASan+UBSan, -O1, the program, the tests
#                                and the fuzz targets (what scripts/test-sanitized.sh runs)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sanitize" ]; then
  if [ ! -f build-san/build.ninja ]; then
    # -fno-sanitize-recover: an undefined-behaviour report stops the program like an ASan one.
    CC=clang CXX=clang++ meson setup build-san -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
      -Dbuildtype=debug -Doptimization=1 -Db_ndebug=false -Dcpp_args=-fno-sanitize-recover=undefined \
      -Dcpp_link_args=-fno-sanitize-recover=undefined
  fi
  # clang again when ninja reconfigures (a language added to meson.build later must not get gcc,
  # whose objects would not link against clang's sanitizer runtime).
  CC=clang CXX=clang++ ninja -C build-san plangen tests/unit_tests tests/libopen_log.so tests/golden_tests \
    fuzz/fuzz_plan fuzz/fuzz_spreadsheetml fuzz/fuzz_xlsx fuzz/fuzz_topology fuzz/fuzz_verify fuzz/fuzz_template
  exit 0
fi
[ -f build/build.ninja ] || meson setup build
ninja -C build
