#!/usr/bin/env bash
# README command 2: installs what is missing, builds, and runs the whole test suite with CTest.
# FEEDWATCH_SANITIZE=address;undefined scripts/test.sh builds into build-asan/ with sanitizers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh" test
dir="$root/build"
extra=()
if [ -n "${FEEDWATCH_SANITIZE:-}" ]; then
    dir="$root/build-san"
    extra+=("-DFEEDWATCH_SANITIZE=${FEEDWATCH_SANITIZE}")
fi
"$root/scripts/build.sh" "$dir" "${extra[@]}"
export QT_QPA_PLATFORM=offscreen
cd "$dir"
ctest --output-on-failure --parallel "$(nproc)" --timeout 300
