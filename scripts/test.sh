#!/usr/bin/env bash
# Installs what is missing; builds the way a packager would (Release and
# Debug with gcc, Release with clang; no warning allowed); then builds and
# runs every test twice: a normal build (build/) and an AddressSanitizer +
# UndefinedBehaviorSanitizer build (build-asan/); then aggregate's threads
# under ThreadSanitizer (build-tsan/); then builds the libFuzzer
# targets with clang (build-fuzz/) and runs only the fuzz tests
# (tests/fuzz/README.md; IRY_FUZZ_TIME seconds each, default 60); then
# cross-builds the Windows .exe and tests it under wine (docs/windows.md).
# Exits non-zero if anything fails.
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
# ThreadSanitizer on the one part that runs on several threads: aggregate
# reading files at once (tests/e2e/t_aggregate.sh compares 1 and 4 readers)
# and util/thread (test_sys). A data race is a failure (exit 66). Where the
# kernel's address layout keeps TSan from starting at all, the run is
# retried without address randomisation (setarch -R), else said SKIPPED.
echo "== thread sanitizer build (build-tsan)"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIRY_WERROR=ON -DIRY_TSAN=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target iryosec iryosec-mkdata test_sys >build-tsan/build.log 2>&1 ||
  { tail -30 build-tsan/build.log; echo "FAIL: the TSan build"; status=1; }
tsan=()
if TSAN_OPTIONS=exitcode=66 build-tsan/iryosec --version >/dev/null 2>&1; then
  tsan=(env)
elif setarch "$(uname -m)" -R env TSAN_OPTIONS=exitcode=66 build-tsan/iryosec --version >/dev/null 2>&1; then
  tsan=(setarch "$(uname -m)" -R env)
fi
if [ ${#tsan[@]} -eq 0 ]; then
  echo "== thread sanitizer: SKIPPED (TSan cannot start on this kernel: $(TSAN_OPTIONS=exitcode=66 build-tsan/iryosec --version 2>&1 | head -1))"
else
  "${tsan[@]}" TSAN_OPTIONS="halt_on_error=1 exitcode=66" build-tsan/tests/test_sys build-tsan/tests/test_sys.work || status=1
  "${tsan[@]}" TSAN_OPTIONS="halt_on_error=1 exitcode=66" bash tests/e2e/t_aggregate.sh build-tsan/iryosec || status=1
fi
echo "== fuzz build (build-fuzz)"
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIRY_WERROR=ON \
  -DIRY_FUZZ=ON -DIRY_FUZZ_TIME="${IRY_FUZZ_TIME:-60}" >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_content fuzz_font fuzz_import fuzz_mo
ASAN_OPTIONS=detect_leaks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
  ctest --test-dir build-fuzz -R '^fuzz_' --no-tests=error \
    --output-on-failure -j"$jobs" || status=1
# The Windows .exe (docs/windows.md): cross-built with mingw-w64 (the
# libraries are cached in build-win/deps, so only the first run is slow)
# and used under wine on every run, so it cannot rot unseen.
# IRY_SKIP_WINDOWS=1 skips it for a quick loop at one's desk; CI never
# sets it, and a run that skipped it says so at the end.
if [ "${IRY_SKIP_WINDOWS:-0}" = 1 ]; then
  echo "== windows: SKIPPED (IRY_SKIP_WINDOWS=1; never in CI)"
else
  echo "== windows (scripts/windows/build.sh, tests/windows/t_wine.sh)"
  if IRY_WIN_WERROR=1 IRY_WIN_JOBS=$jobs bash scripts/windows/build.sh; then
    ver=$(sed -n 's/^project(iryosec VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
    WINEPREFIX=$PWD/build-win/deps/x86_64-w64-mingw32/wineprefix \
      bash tests/windows/t_wine.sh "build-win/exe/iryosec-$ver-windows.zip" build/iryosec \
        build-win/exe/test_sys.exe build-win/exe/test_utf8.exe || status=1
  else
    echo "FAIL: the Windows build"
    status=1
  fi
fi
exit $status
