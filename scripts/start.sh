#!/usr/bin/env bash
# Installs what is missing, builds iryosec and starts the wizard on the
# default data file (~/.local/share/iryosec/iryosec.db). Arguments are passed
# on, e.g. scripts/start.sh --db /path/to/other.db
set -eu
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
exec ./build/iryosec "$@"
