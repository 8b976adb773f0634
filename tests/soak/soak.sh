#!/usr/bin/env bash
# Soak: `feedwatch --headless` against a `feedwatch-sim` process that plays a random fault script
# (restarts with downtime, drops, freezes, latency, bandwidth, hung handshakes, HTTP refusals,
# close codes, malformed/binary/over-size messages, floods) for DURATION, then a quiet tail in
# which every feed must recover. Samples both processes' RSS every few seconds and prints RSS
# start/end/max and the counts read from the event stream.
#
# Usage: tests/soak/soak.sh DURATION [--seed N] [--rss-growth-mb MB] [--interval S]
#                           [--feedwatch PATH] [--sim PATH] [--work DIR] [--fault LINE]...
#   DURATION     10m, 90s, or a bare number of minutes; the run never takes longer than
#                DURATION + 30 s (the processes are killed then and the soak fails)
#   --rss-growth-mb  fail when feedwatch's RSS at the end exceeds its RSS after the warm-up by
#                more than MB (default 24; 0 = no bound, e.g. under ASan)
#   --fault LINE  add a scenario line (docs/demo.md) to the random script, e.g. to reproduce a
#                problem or to check that the soak fails: --fault "at 3s refuse queue 403 close"
# Exit 0 when every feed recovered, the RSS bound held, faults had an effect and both processes
# exited cleanly (so a sanitizer report fails the soak); 1 otherwise; 2 for a usage error.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

usage() {
    sed -n '8,18p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
[ $# -ge 1 ] || usage
case "$1" in
*m) duration_s=$(awk -v m="${1%m}" 'BEGIN { printf "%d", m * 60 }') ;;
*s) duration_s=${1%s} ;;
*) duration_s=$(awk -v m="$1" 'BEGIN { printf "%d", m * 60 }') ;;
esac
shift
[[ "$duration_s" =~ ^[0-9]+$ ]] && [ "$duration_s" -ge 20 ] || {
    echo "soak: DURATION must be at least 20s (a 10 s quiet tail follows the faults)" >&2
    exit 2
}
seed=$((RANDOM * 32768 + RANDOM)) # printed; --seed N replays the same fault script
rss_growth_mb=24
interval=2
feedwatch="$root/build/feedwatch"
sim="$root/build/sim/feedwatch-sim"
work=""
extra_faults=()
while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || usage
    case "$1" in
    --seed) seed=$2 ;;
    --rss-growth-mb) rss_growth_mb=$2 ;;
    --interval) interval=$2 ;;
    --feedwatch) feedwatch=$2 ;;
    --sim) sim=$2 ;;
    --work) work=$2 ;;
    --fault) extra_faults+=("$2") ;;
    *) usage ;;
    esac
    shift 2
done
for bin in "$feedwatch" "$sim"; do
    [ -x "$bin" ] || {
        echo "soak: $bin is not built (scripts/build.sh)" >&2
        exit 2
    }
done
script_note="--work DIR keeps it"
if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
else
    script_note=$work/scenario.txt
fi
mkdir -p "$work"
rm -f "$work"/{scenario.txt,events.jsonl,sim.out,sim.err,feedwatch.err,rss.tsv}

feeds=(queue workflows system-status adw-monitor routes workflow-history planned-features
    webhook-status)
quiet_s=10 # no faults in the last 10 s: longer than circuit.open_ms + backoff.max_ms below
fault_end_ms=$(((duration_s - quiet_s) * 1000))

# --- the fault script: a fault every 0.3-1.5 s from t=2 s, each on one feed (1 in 8: all) ---
# A small LCG, not $RANDOM: bash reseeds RANDOM in every $(...) subshell, so the same seed would
# not give the same script. `rnd N` leaves 0..N-1 in $r (no subshell).
state=$((seed % 2147483648))
rnd() {
    state=$(((state * 1103515245 + 12345) % 2147483648))
    r=$(((state / 65536) % $1))
}
statuses=(500 502 503)
modes=(open close)
codes=(1000 1001 1011 1013 4000)
faults=0
t=2000
{
    echo "# tests/soak/soak.sh seed $seed, ${duration_s} s"
    while [ "$t" -lt "$fault_end_ms" ]; do
        rnd 8
        if [ "$r" -eq 0 ]; then f=all; else rnd ${#feeds[@]} && f=${feeds[$r]}; fi
        rnd 3500 && for_ms=$((500 + r))
        rnd 14 && kind=$r
        case $kind in
        0) rnd 1900 && echo "at ${t}ms restart for $((100 + r))ms" ;;
        1 | 2) echo "at ${t}ms drop $f" ;;
        3) echo "at ${t}ms freeze $f for ${for_ms}ms" ;;
        4)
            rnd 800 && ms=$((20 + r))
            rnd 200 && echo "at ${t}ms latency $f $ms jitter $((1 + r)) for ${for_ms}ms"
            ;;
        5) rnd 65536 && echo "at ${t}ms bandwidth $f $((2048 + r)) for ${for_ms}ms" ;;
        6) echo "at ${t}ms hang $f for ${for_ms}ms" ;;
        7)
            rnd 3 && status=${statuses[$r]}
            rnd 2 && echo "at ${t}ms refuse $f $status ${modes[$r]} for ${for_ms}ms"
            ;;
        8) rnd 5 && echo "at ${t}ms close $f ${codes[$r]}" ;;
        9) echo "at ${t}ms malformed $f" ;;
        10) echo "at ${t}ms binary $f" ;;
        11) rnd 200000 && echo "at ${t}ms oversize $f $((300000 + r))" ;;
        *) rnd 480 && echo "at ${t}ms flood $f $((20 + r))" ;;
        esac
        faults=$((faults + 1))
        rnd 1200 && t=$((t + 300 + r))
    done
    for line in "${extra_faults[@]}"; do
        echo "$line"
        faults=$((faults + 1))
    done
    echo "at ${fault_end_ms}ms clear all"
    # A backstop only: the soak stops the simulator itself once feedwatch is done.
    echo "at $(((duration_s + 60) * 1000))ms quit"
} >"$work/scenario.txt"
"$sim" --scenario "$work/scenario.txt" --check >/dev/null

# --- the processes ---
# feedwatch first, on a free port nothing listens on yet (it retries, as against a server still
# starting); the simulator, whose scenario clock starts with it, once feedwatch runs. Started the
# other way round, feedwatch's start (seconds under a sanitizer at load) ate the fault script.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="ws://127.0.0.1:$port"
# Timings scaled down so a minute holds many reconnect, backoff and circuit cycles.
"$feedwatch" --headless --server "$url" --events "$work/events.jsonl" --duration "$duration_s" \
    --set stagger.step_ms=50 --set connect.timeout_ms=2000 \
    --set backoff.initial_ms=200 --set backoff.max_ms=2000 --set backoff.jitter=0.5 \
    --set connection.stable_ms=2000 --set circuit.failure_threshold=6 \
    --set circuit.open_ms=3000 --set heartbeat.interval_ms=1000 \
    --set heartbeat.timeout_ms=1500 --set limits.max_message_bytes=262144 \
    2>"$work/feedwatch.err" &
fw_pid=$!
for _ in $(seq 300); do
    grep -q '"event":"attempt"' "$work/events.jsonl" 2>/dev/null && break
    kill -0 "$fw_pid" 2>/dev/null || break
    sleep 0.1
done
"$sim" --port "$port" --seed "$seed" --rate 5 --rows 40 --scenario "$work/scenario.txt" \
    >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
listening=""
for _ in $(seq 100); do
    listening=$(sed -n 's/^feedwatch-sim listening on \(ws:[^ ]*\).*/\1/p' "$work/sim.out")
    [ -n "$listening" ] && break
    kill -0 "$sim_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$listening" ]; then
    echo "soak: feedwatch-sim did not start on port $port:" >&2
    cat "$work/sim.err" >&2
    kill "$sim_pid" "$fw_pid" 2>/dev/null || true
    exit 1
fi

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
start=$SECONDS
deadline=$((duration_s + 30))
printf 't_s\tfeedwatch_kb\tsim_kb\n' >"$work/rss.tsv"
while kill -0 "$fw_pid" 2>/dev/null; do
    if [ $((SECONDS - start)) -gt "$deadline" ]; then
        echo "soak: FAIL: feedwatch still running $deadline s after the start; killed" >&2
        kill -9 "$fw_pid" "$sim_pid" 2>/dev/null || true
        exit 1
    fi
    fw=$(rss_kb "$fw_pid")
    [ "${fw:-0}" -gt 0 ] && printf '%s\t%s\t%s\n' $((SECONDS - start)) "$fw" "$(rss_kb "$sim_pid")" \
        >>"$work/rss.tsv"
    sleep "$interval"
done
fw_status=0
wait "$fw_pid" || fw_status=$?
sim_status=0
if kill -0 "$sim_pid" 2>/dev/null; then
    # Still serving, as it must be: stopped here (SIGTERM, exit 143, is this stop, not a fault).
    kill -TERM "$sim_pid" 2>/dev/null || true
    sim_deadline=$((SECONDS + 20))
    while kill -0 "$sim_pid" 2>/dev/null && [ "$SECONDS" -lt "$sim_deadline" ]; do sleep 0.2; done
    if kill -0 "$sim_pid" 2>/dev/null; then
        kill -9 "$sim_pid" 2>/dev/null || true
        sim_status=124
    fi
    term_status=0
    wait "$sim_pid" || term_status=$?
    if [ "$sim_status" -eq 0 ] && [ "$term_status" -ne 0 ] && [ "$term_status" -ne 143 ]; then
        sim_status=$term_status
    fi
else
    # It ended during the run (a crash; an early exit also leaves the feeds stuck, said below).
    wait "$sim_pid" || sim_status=$?
fi

# --- the figures ---
# RSS "start" is the first sample after the 2 s warm-up (every feed connected, no fault yet).
# "mid" is the first sample of the second half: growth from there on is what a leak would show
# once the caches and buffers of the first minutes are in place.
read -r rss_start rss_mid rss_end rss_max sim_start sim_end sim_max samples < <(awk -F'\t' \
    -v half=$((duration_s / 2)) '
    NR > 1 { n++; if (start == "" && $1 >= 2) { start = $2; sstart = $3 }
             if (mid == "" && $1 >= half) mid = $2
             end = $2; send = $3; if ($2 > max) max = $2; if ($3 > smax) smax = $3 }
    END { if (start == "") { start = end; sstart = send }
          if (mid == "") mid = end
          printf "%d %d %d %d %d %d %d %d\n", start, mid, end, max, sstart, send, smax, n }' \
    "$work/rss.tsv")

# Per feed: the last state, the last pong, and counts over the whole run.
awk -v quiet_ms=$((quiet_s * 1000)) -v feeds="${feeds[*]}" '
    function field(line, name,   n) {
        n = length(name)
        if (match(line, "\"" name "\":\"[^\"]*\""))
            return substr(line, RSTART + n + 4, RLENGTH - n - 5)
        return ""
    }
    function ms(ts,   y, mo, d, days) { # ISO-8601 UTC to milliseconds since a fixed epoch
        y = substr(ts, 1, 4) + 0; mo = substr(ts, 6, 2) + 0; d = substr(ts, 9, 2) + 0
        if (mo <= 2) { y--; mo += 12 }
        days = 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + int((153 * (mo - 3) + 2) / 5) + d
        return ((days * 24 + substr(ts, 12, 2)) * 60 + substr(ts, 15, 2)) * 60000 \
            + substr(ts, 18, 6) * 1000
    }
    {
        events++
        ev = field($0, "event"); feed = field($0, "feed"); t = ms(field($0, "ts"))
        count[ev]++
        # The shutdown at the end stops every feed ("manual"); what counts is the state before.
        if (ev == "state" && field($0, "reason") != "manual") last_state[feed] = field($0, "state")
        if (ev == "latency") last_pong[feed] = t
        if (ev == "connected") connects[feed]++
        if (ev == "circuit" && field($0, "state") == "open") circuit_opens++
        if (ev == "engine_stopped") stopped = t
        end = t
    }
    END {
        if (stopped == "") stopped = end
        n = split(feeds, list, " ")
        stuck = 0
        for (i = 1; i <= n; i++) {
            f = list[i]
            reconnects += connects[f] > 0 ? connects[f] - 1 : 0
            # Alive at the end: connected, and a pong in the last 3 heartbeat intervals.
            if (last_state[f] != "connected" || last_pong[f] == "" || stopped - last_pong[f] > 3000) {
                stuck++
                state = last_state[f] == "" ? "none" : last_state[f]
                pong = last_pong[f] == "" ? "never" : (stopped - last_pong[f]) " ms before the end"
                printf "soak: stuck feed %s: last state %s, last pong %s\n", f, state, pong \
                    > "/dev/stderr"
            }
        }
        printf "%d %d %d %d %d %d %d %d %d %d\n", events, reconnects, count["disconnected"] + 0,
            count["protocol_error"] + 0, count["heartbeat_timeout"] + 0, circuit_opens + 0,
            count["server_restart"] + 0, count["update"] + 0, count["latency"] + 0, stuck
    }' "$work/events.jsonl" >"$work/counts.txt"
read -r events reconnects disconnects protocol_errors hb_timeouts circuit_opens restarts updates \
    pongs stuck <"$work/counts.txt"

mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
growth_kb=$((rss_end - rss_start))
echo "soak: seed $seed, ${duration_s} s (faults until $((fault_end_ms / 1000)) s, then ${quiet_s} s quiet), ${#feeds[@]} feeds"
echo "soak: faults injected: $faults (the same --seed replays the script; $script_note)"
echo "soak: feedwatch RSS start $(mb "$rss_start") / end $(mb "$rss_end") / max $(mb "$rss_max")" \
    "(growth $(mb "$growth_kb"), $(mb $((rss_end - rss_mid))) over the second half;" \
    "$samples samples every ${interval} s)"
echo "soak: feedwatch-sim RSS start $(mb "$sim_start") / end $(mb "$sim_end") / max $(mb "$sim_max")"
echo "soak: events $events, reconnects $reconnects, disconnects $disconnects," \
    "protocol errors $protocol_errors, heartbeat timeouts $hb_timeouts, circuit opens $circuit_opens," \
    "server restarts $restarts, snapshots $updates, pongs $pongs"
echo "soak: stuck feeds $stuck"

failed=0
fail() {
    echo "soak: FAIL: $*"
    failed=1
}
[ "$stuck" -eq 0 ] || fail "$stuck feed(s) did not recover within the ${quiet_s} s quiet tail"
if [ "$rss_growth_mb" -gt 0 ] && [ "$growth_kb" -gt $((rss_growth_mb * 1024)) ]; then
    fail "feedwatch RSS grew by $(mb "$growth_kb"), bound ${rss_growth_mb} MB"
fi
[ "$reconnects" -gt 0 ] && [ "$disconnects" -gt 0 ] ||
    fail "the faults had no effect (no disconnects or reconnects): the soak itself is broken"
if [ "$fw_status" -ne 0 ]; then
    fail "feedwatch exited with $fw_status"
    tail -n 40 "$work/feedwatch.err"
fi
if [ "$sim_status" -ne 0 ]; then
    fail "feedwatch-sim exited with $sim_status"
    tail -n 40 "$work/sim.err"
fi
[ "$failed" -eq 0 ] && echo "soak: PASS"
exit "$failed"
