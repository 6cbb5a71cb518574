#!/usr/bin/env bash
# Installs what is missing; builds the way a packager would (Release and
# Debug with gcc, Release with clang; no warning allowed); then builds and
# runs every test twice: a normal build (build/) and an AddressSanitizer +
# UndefinedBehaviorSanitizer build (build-asan/); then builds the libFuzzer
# targets with clang (build-fuzz/) and runs only the fuzz tests
# (tests/fuzz/README.md; IRY_FUZZ_TIME seconds each, default 60). Exits
# non-zero if anything fails.
set -eu
cd "$(dirname "$0")/.."
bash scripts/deps.sh --test
jobs=$(nproc)
status=0
# A packager's builds: Release and Debug with gcc, Release with clang, each
# from a clean folder and with warnings as errors, so a warning that only
# an optimising build or the other compiler sees fails here (not later,
# in someone's package). Built, not run: the suite runs below.
for kind in release debug clang; do
  dir=build-$kind
  case $kind in
    release) cc=gcc; type=Release ;;
    debug) cc=gcc; type=Debug ;;
    clang) cc=clang; type=Release ;;
  esac
  echo "== $kind build ($dir, $cc, $type)"
  rm -rf "$dir"
  if ! CC=$cc cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=$type -DIRY_WERROR=ON >/dev/null ||
     ! cmake --build "$dir" -j"$jobs" >"$dir.log" 2>&1; then
    grep -E "warning|error" -A3 "$dir.log" | head -40
    echo "FAIL: the $kind build"
    status=1
  fi
  rm -rf "$dir" "$dir.log"
done
for kind in normal asan; do
  if [ "$kind" = normal ]; then dir=build; flags=""; else dir=build-asan; flags="-DIRY_SANITIZE=ON"; fi
  echo "== $kind build ($dir)"
  # shellcheck disable=SC2086
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIRY_WERROR=ON $flags >/dev/null
  cmake --build "$dir" -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
    ctest --test-dir "$dir" --output-on-failure -j"$jobs" || status=1
done
echo "== fuzz build (build-fuzz)"
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIRY_WERROR=ON \
  -DIRY_FUZZ=ON -DIRY_FUZZ_TIME="${IRY_FUZZ_TIME:-60}" >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_content fuzz_font fuzz_import fuzz_mo
ASAN_OPTIONS=detect_leaks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
  ctest --test-dir build-fuzz -R '^fuzz_' --no-tests=error \
    --output-on-failure -j"$jobs" || status=1
exit $status
