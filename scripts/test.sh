#!/usr/bin/env bash
# README command 2: installs what is missing, builds, and runs the whole test suite with CTest.
# Extra arguments go to every ctest run (e.g. scripts/test.sh -R tst_feedengine).
#
# Passes, each in its own build tree (docs/testing.md, "Sanitizers"):
#   build/       plain RelWithDebInfo, every test                       by default
#   build-san/   AddressSanitizer + UndefinedBehaviorSanitizer with     CI=true, or
#                LeakSanitizer, every test but the source checks        FEEDWATCH_SANITIZE='address;undefined'
#   build-tsan/  ThreadSanitizer, only the tests labelled `threads`     CI=true, or FEEDWATCH_SANITIZE=thread
# CI=true runs all three in that order (and builds with -Werror). FEEDWATCH_SANITIZE runs only
# the pass it names (with or without CI=true), so a developer's plain run stays one build and one
# ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=${FEEDWATCH_SANITIZE:-}
# All three passes in CI, unless FEEDWATCH_SANITIZE picks one.
all=false
[ "${CI:-}" = "true" ] && [ -z "$sanitize" ] && all=true
case "$sanitize" in
"" | "address;undefined" | "thread") ;;
*)
    echo "test.sh: FEEDWATCH_SANITIZE must be 'address;undefined' or 'thread' (got '$sanitize')" >&2
    exit 2
    ;;
esac
"$root/packaging/install-deps.sh" test
export QT_QPA_PLATFORM=offscreen

# Sanitizer trees: line tables only (-g1), which is all a report needs; full -g costs compile
# and link time for nothing here. ASan + UBSan at -Og, GCC's optimisation for debugging (stacks
# exact; a third less compile time than -O1 with the instrumentation). TSan stays at -O1: its
# judge (tests/sanitizers/tsan-check.py) was calibrated there, and at -Og tst_enginerunner got
# two reports "in our code" (a FeedStats temporary on the main thread's stack, in a slot Qt's
# blocking hand-off had just used: a stack slot -O1 keeps elsewhere).
# The benchmarks (bench_smoke) only measure: the plain tree runs them, the sanitizer trees skip
# their 23 sources.
sanitizer_cmake=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DFEEDWATCH_BUILD_BENCH=OFF)
asan_flags="-Og -g1 -DNDEBUG"
tsan_flags="-O1 -g1 -DNDEBUG"
# The plain tree is RelWithDebInfo (-O2). In CI with line tables only (-g1): a CI tree is never
# debugged, a backtrace still has files and lines, and full -g made every compile ~20 % dearer.
# A developer's build/ (shared with scripts/run.sh) keeps CMake's full -g.
if [ "${CI:-}" = "true" ]; then
    plain_cmake=("-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG")
else
    plain_cmake=("-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g -DNDEBUG")
fi
# One test per core, longest first (COST in tests/CMakeLists.txt). Two per core halved the plain
# pass's test time at load 10 (336 -> 141 s, 75/75), but at load 15 the four longest ran together
# with fuzz_smoke's clang build and tst_commandqueue, fuzz_smoke (300 s timeout) and two fault
# matrix tests failed: the fault matrix runs on the system clock on purpose.
ctest_args=(--output-on-failure --parallel "$(nproc)" --timeout 300 "$@")
tsan_ctest_args=("${ctest_args[@]}")
timings=()
t0=$SECONDS
# CPU seconds used by finished children so far, into $cpu (bash's `times`, second line, run in
# this shell): wall time on a shared machine says little, CPU time says what a pass costs.
times_file=$(mktemp)
cpu_now() {
    times >"$times_file"
    cpu=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } }
               END { printf "%d", t }' "$times_file")
}
pass_start() {
    b=$SECONDS
    cpu_now
    bc=$cpu
}
tests_start() {
    t=$SECONDS
    cpu_now
    tc=$cpu
}
pass_done() { # NAME [failed]
    cpu_now
    timings+=("$1: build $((t - b)) s ($((tc - bc)) s CPU), tests $((SECONDS - t)) s ($((cpu - tc)) s CPU)${2:+, tests failed}")
    echo "test.sh: pass ${timings[-1]}"
}
# Runs ctest in DIR and prints the pass's figures, failed or not (a red run's cost counts too).
run_tests() { # DIR NAME CTEST_ARGS...
    local dir=$1 name=$2 status=0
    shift 2
    tests_start
    (cd "$dir" && ctest "$@") || status=$?
    if [ "$status" -eq 0 ]; then pass_done "$name"; else pass_done "$name" failed; fi
    return "$status"
}


# The three trees' builds. The tests' own sources are compiled at -O0 in the plain and ASan
# trees (FEEDWATCH_TEST_CXX_FLAGS, cmake/BuildSpeed.cmake): the code under test keeps its flags.
# The TSan tree keeps -O1 everywhere, where its judge was calibrated (see above).
# In the ASan tree the tests' own sources are not instrumented either (-fno-sanitize=all): the
# code under test and the test helpers (servers, proxies) are, and LeakSanitizer and ASan's
# allocator checks (double free, new/delete mismatch) see every allocation whatever compiled it.
# The tree's compile CPU 452 -> 363 s. What it gives up: a bad access written in a test's own
# code, and header code (inline functions, Qt templates) that the test and the library both
# instantiate and whose out-of-line copy the linker takes from the test's object.
plain_build=("$root/scripts/build.sh" "$root/build" "${plain_cmake[@]}" -DFEEDWATCH_TEST_CXX_FLAGS=-O0)
san_build=("$root/scripts/build.sh" "$root/build-san" "${sanitizer_cmake[@]}"
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$asan_flags" "-DFEEDWATCH_SANITIZE=address;undefined"
    "-DFEEDWATCH_TEST_CXX_FLAGS=-O0 -fno-sanitize=all")
tsan_build=("$root/scripts/build.sh" "$root/build-tsan" "${sanitizer_cmake[@]}"
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=$tsan_flags" -DFEEDWATCH_SANITIZE=thread
    --target feedwatch_threaded_tests)

# In CI the sanitizer trees build in the background, ASan + UBSan first and then TSan, at the
# lowest priority (nice 19): they take the cores when the plain pass leaves them idle. The tests
# wait on loopback timers most of the time (the plain tests used 174 s of CPU in 242 s on two
# cores), so a sequential CI left a core idle for minutes. A nice 0 test process that wakes
# takes the core from nice 19 work at once (CFS weights 1024 against 15). With nice 5 and 15
# two tests failed on races of their own that the extra load exposed (fixed in the tests).
# Each background build's output goes to a log, printed when it fails.
logs=$(mktemp -d)
bg_pids=()
kill_tree() { # PID: the process and everything under it
    local child
    for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done
    kill "$1" 2>/dev/null || true
}
cleanup() {
    local pid
    for pid in "${bg_pids[@]}"; do kill_tree "$pid"; done
    rm -rf "$logs" "$times_file"
}
trap cleanup EXIT
start_build() { # NAME NICENESS BUILD-COMMAND...
    local name=$1 niceness=$2
    shift 2
    local after=${START_AFTER:-}
    (
        # One background build at a time: the one before it first (its status file).
        while [ -n "$after" ] && [ ! -e "$logs/$after.status" ]; do sleep 1; done
        start=$SECONDS
        status=0
        nice -n "$niceness" "$@" >"$logs/$name.log" 2>&1 || status=$?
        times >"$logs/$name.times"
        echo "$status $((SECONDS - start))" >"$logs/$name.status"
    ) &
    bg_pids+=($!)
    eval "bg_$name=$!"
}
# Waits for NAME's build; prints its CPU and wall, or its errors. Returns the build's status.
finish_build() { # NAME
    local name=$1 pid status wall cpu_s
    eval "pid=\$bg_$name"
    wait "$pid" || true
    read -r status wall <"$logs/$name.status"
    cpu_s=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } }
                 END { printf "%d", t }' "$logs/$name.times")
    if [ "$status" -ne 0 ]; then
        echo "test.sh: the $name build failed (exit $status); its output without progress lines:"
        grep -v -E '^\[[0-9]+/[0-9]+\] ' "$logs/$name.log" || true
        return "$status"
    fi
    tail -n 1 "$logs/$name.log"
    bg_figures+=("$name build (background, nice 19): $wall s wall, $cpu_s s CPU")
}
bg_figures=()
if $all; then
    start_build san 19 "${san_build[@]}"
    START_AFTER=san start_build tsan 19 "${tsan_build[@]}"
fi

if [ -z "$sanitize" ]; then
    pass_start
    "${plain_build[@]}"
    run_tests "$root/build" plain "${ctest_args[@]}"
fi

if $all || [ "$sanitize" = "address;undefined" ]; then
    echo "test.sh: ASan + UBSan + LeakSanitizer pass (build-san/)"
    pass_start
    if $all; then finish_build san; else "${san_build[@]}"; fi
    run_tests "$root/build-san" asan+ubsan "${ctest_args[@]}"
fi

if $all || [ "$sanitize" = "thread" ]; then
    echo "test.sh: ThreadSanitizer pass (build-tsan/, tests labelled 'threads')"
    pass_start
    if $all; then finish_build tsan; else "${tsan_build[@]}"; fi
    run_tests "$root/build-tsan" tsan -L threads "${tsan_ctest_args[@]}"
fi

if [ ${#timings[@]} -gt 1 ]; then
    printf 'test.sh: %s\n' "${timings[@]}"
    [ ${#bg_figures[@]} -eq 0 ] || printf 'test.sh: %s\n' "${bg_figures[@]}"
    cpu_now
    echo "test.sh: all passes in $((SECONDS - t0)) s ($cpu s CPU)"
fi
