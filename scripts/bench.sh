#!/usr/bin/env bash
# Benchmarks: installs what is missing, builds Feedwatch and the benchmarks with Release flags
# into build-bench/, runs every section (a few minutes), prints the table and writes
# bench-results.json at the repository root.
# Usage: scripts/bench.sh [--quick] [--long] [--runs N] [--sections ingest,ui-lag,...]
#   --long adds the 10-minute RSS figure (about 10 minutes more).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh" build
FEEDWATCH_BUILD_TYPE=Release "$root/scripts/build.sh" "$root/build-bench" \
    -DFEEDWATCH_BUILD_BENCH=ON -DFEEDWATCH_BUILD_TESTS=OFF
export QT_QPA_PLATFORM=offscreen
exec "$root/build-bench/bench/feedwatch-bench" --out "$root/bench-results.json" "$@"
