#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with clang, ASan and UBSan into their own
# build directory, then runs each for a fixed number of executions from the committed seed corpus.
# Usage: tests/fuzz/run.sh [executions]     (default 100000 per target)
# Exits 77 (CTest's skip code for fuzz_smoke) when clang or its libFuzzer runtime is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-100000}
dir=${FEEDWATCH_FUZZ_BUILD_DIR:-"$root/build-fuzz"}

if ! command -v clang++ >/dev/null; then
    echo "fuzz: SKIP: clang++ not found (Debian packages clang, libclang-rt-14-dev)"
    exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }\n' \
    >"$probe/probe.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" 2>/dev/null; then
    echo "fuzz: SKIP: clang++ cannot link -fsanitize=fuzzer (Debian package libclang-rt-14-dev)"
    exit 77
fi

cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$dir" --parallel "$(nproc)"

# Qt keeps a few process-wide caches alive until exit; libFuzzer's leak check after each input
# would call them leaks, so leaks are not checked (ASan still catches every memory error).
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
summary=()
for target in messagedecoder ack config feedschema; do
    work="$probe/$target" # new inputs go here; the committed corpus is only read
    mkdir -p "$work"
    log="$dir/fuzz_$target.log"
    if "$dir/fuzz_$target" -runs="$runs" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "$work" "$here/corpus/$target" >"$log" 2>&1; then
        result=ok
    else
        result=FAILED
        status=1
        tail -n 40 "$log"
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
    summary+=("fuzz_$target: $result, ${execs:-0} executions, ${cov:-cov: ?}")
done
printf '%s\n' "${summary[@]}"
exit "$status"
