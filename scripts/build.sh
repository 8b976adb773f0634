#!/usr/bin/env bash
# Configures and builds Feedwatch into a build directory (default: build/).
# Usage: scripts/build.sh [BUILD_DIR] [extra cmake -D options...] [--target NAME]...
# Without --target everything is built.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-"$root/build"}
shift || true

cmake_args=(-S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="${FEEDWATCH_BUILD_TYPE:-RelWithDebInfo}")
# CI builds with warnings as errors; a developer's build only shows them. A fresh clone's ccache
# is empty (and a cache outside the clone would hide the real cost), so CI compiles without it.
if [ "${CI:-}" = "true" ]; then
    cmake_args+=(-DFEEDWATCH_WERROR=ON -DFEEDWATCH_CCACHE=OFF)
fi
targets=()
while [ $# -gt 0 ]; do
    if [ "$1" = "--target" ] && [ $# -ge 2 ]; then
        targets+=(--target "$2")
        shift 2
    else
        cmake_args+=("$1")
        shift
    fi
done
cmake "${cmake_args[@]}" >/dev/null
cmake --build "$dir" --parallel "$(nproc)" "${targets[@]}"
