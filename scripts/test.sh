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

# -O1 -g1 for the sanitizer trees: the sanitizers' usual optimisation level (fast enough, stacks
# still exact) and line tables only, which is all a report needs; full -g costs compile and link
# time for nothing here.
# The benchmarks (bench_smoke) only measure: the plain tree runs them, the sanitizer trees skip
# their 23 sources.
sanitizer_cmake=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG"
    -DFEEDWATCH_BUILD_BENCH=OFF)
ctest_args=(--output-on-failure --parallel "$(nproc)" --timeout 300 "$@")
timings=()
t0=$SECONDS
# CPU seconds used by finished children so far, into $cpu (bash's `times`, second line, run in
# this shell): wall time on a shared machine says little, CPU time says what a pass costs.
times_file=$(mktemp)
trap 'rm -f "$times_file"' EXIT
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
pass_done() { # NAME
    cpu_now
    timings+=("$1: build $((t - b)) s ($((tc - bc)) s CPU), tests $((SECONDS - t)) s ($((cpu - tc)) s CPU)")
    echo "test.sh: pass ${timings[-1]}"
}


if [ -z "$sanitize" ]; then
    pass_start
    "$root/scripts/build.sh" "$root/build"
    tests_start
    (cd "$root/build" && ctest "${ctest_args[@]}")
    pass_done plain
fi

if $all || [ "$sanitize" = "address;undefined" ]; then
    echo "test.sh: ASan + UBSan + LeakSanitizer pass (build-san/)"
    pass_start
    "$root/scripts/build.sh" "$root/build-san" "${sanitizer_cmake[@]}" \
        "-DFEEDWATCH_SANITIZE=address;undefined"
    tests_start
    (cd "$root/build-san" && ctest "${ctest_args[@]}")
    pass_done asan+ubsan
fi

if $all || [ "$sanitize" = "thread" ]; then
    echo "test.sh: ThreadSanitizer pass (build-tsan/, tests labelled 'threads')"
    pass_start
    "$root/scripts/build.sh" "$root/build-tsan" "${sanitizer_cmake[@]}" \
        -DFEEDWATCH_SANITIZE=thread --target feedwatch_threaded_tests
    tests_start
    (cd "$root/build-tsan" && ctest -L threads "${ctest_args[@]}")
    pass_done tsan
fi

if [ ${#timings[@]} -gt 1 ]; then
    printf 'test.sh: %s\n' "${timings[@]}"
    cpu_now
    echo "test.sh: all passes in $((SECONDS - t0)) s ($cpu s CPU)"
fi
