#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and starts the dashboard on the embedded
# demo backend. Extra arguments go to feedwatch (e.g. scripts/run.sh --server ws://host:8002).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh" build
"$root/scripts/build.sh" "$root/build"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "run: no display found; starting offscreen (set DISPLAY, or use --headless --events -)" >&2
    export QT_QPA_PLATFORM=offscreen
fi
args=("$@")
if [ ${#args[@]} -eq 0 ] || ! printf '%s\n' "${args[@]}" | grep -qE '^--(server|config|demo)'; then
    args=(--demo "${args[@]}")
fi
exec "$root/build/feedwatch" "${args[@]}"
