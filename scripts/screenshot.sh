#!/usr/bin/env bash
# Takes a screenshot of the dashboard against the embedded demo backend at 1366x768.
# Usage: scripts/screenshot.sh [OUT.png] [PANEL] [SCENARIO] [WAIT_SECONDS] [FEEDWATCH_ARGS...]
#   PANEL: a page key (queue, workflows, system-status, adw-monitor, routes, workflow-history,
#          planned-features, webhook-status, connections, event-log); default: queue
#   SCENARIO: demo scenario lines, "; "-separated, e.g. "at 3s freeze queue" (docs/demo.md)
#   FEEDWATCH_ARGS: passed on, e.g. --lang de for the German window:
#     scripts/screenshot.sh de-queue.png queue "" 6 --lang de
#     scripts/screenshot.sh degraded.png connections "at 1s refuse queue 503" 8 \
#         --set circuit.failure_threshold=2
# Environment: FEEDWATCH_DEMO_COMMANDS="at 3s queue.pause; at 5s queue.resume" (profile actions;
#   a row action takes its values as key=value, e.g. "at 4s queue.execute queue_id=<id>")
#   issues operator commands as the buttons would.
# Needs xvfb-run and imagemagick's import (packaging/install-deps.sh test).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/shot.png"}
panel=${2:-queue}
fault=${3:-}
wait_s=${4:-6}
shift $(($# < 4 ? $# : 4))
app="$root/build/feedwatch"
[ -x "$app" ] || { echo "screenshot: build first (scripts/build.sh)" >&2; exit 1; }

# A private settings and data location (command journal, history), so the shot neither depends
# on nor changes the user's state.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" FEEDWATCH_PANEL="$panel" \
    FEEDWATCH_DEMO_SCENARIO="$fault"

xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    app=$1 wait_s=$2 out=$3
    shift 3
    "$app" --demo "$@" &
    pid=$!
    sleep "$wait_s"
    import -window root "$out"
    kill "$pid"
    wait "$pid" || true
' _ "$app" "$wait_s" "$out" "$@"
echo "screenshot: $out"
