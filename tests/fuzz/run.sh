#!/usr/bin/env bash
# Runs a libFuzzer target for ctest (tests/fuzz/README.md).
#   run.sh BIN fuzz SECONDS ARTIFACT_DIR [CORPUS_DIR]
#     fuzzes for SECONDS on the seed corpus BIN writes (IRY_FUZZ_SEEDS)
#     plus CORPUS_DIR (tests/fuzz/corpus/ for fuzz_content); a crash input
#     is kept in ARTIFACT_DIR and the test fails.
#   run.sh BIN crashes DIR
#     runs every file of DIR (but README.md) once; fails if any crashes,
#     and if DIR holds none (a reproducer lost is a test lost).
# The fuzz target reads IRY_SOURCE_DIR (set by ctest) to find content/.
set -eu
bin=$1
mode=$2

case $mode in
fuzz)
  seconds=$3
  artifacts=$4
  extra=${5:-}
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  # The target's private copy of content/ goes here too, so a crash (which
  # skips the target's own cleanup) leaves nothing behind.
  export TMPDIR=$tmp
  mkdir -p "$tmp/corpus" "$artifacts"
  IRY_FUZZ_SEEDS="$tmp/corpus" "$bin"
  echo "seed corpus: $(find "$tmp/corpus" $extra -type f | wc -l) files"
  [ -n "$(ls -A "$tmp/corpus")" ] || { echo "no seed corpus written"; exit 1; }
  # -timeout: one input that takes 10 s is a hang worth a report.
  "$bin" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$tmp/corpus" $extra
  ;;
crashes)
  dir=$3
  files=()
  for f in "$dir"/*; do
    [ -f "$f" ] && [ "$(basename "$f")" != README.md ] && files+=("$f")
  done
  if [ ${#files[@]} -eq 0 ]; then
    echo "FAIL: no crash inputs in $dir"
    exit 1
  fi
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  export TMPDIR=$tmp
  # Given a file, libFuzzer runs it once and exits non-zero on a crash;
  # one call per file, so every file that still crashes is listed.
  failed=0
  for f in "${files[@]}"; do
    if "$bin" "$f" >"$tmp/out" 2>&1; then
      echo "ok: $f"
    else
      cat "$tmp/out"
      echo "CRASH: $f"
      failed=1
    fi
  done
  exit $failed
  ;;
*)
  echo "run.sh: unknown mode $mode" >&2
  exit 2
  ;;
esac
