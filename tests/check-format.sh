#!/usr/bin/env bash
# CTest `clang_format`: every tracked .cpp/.h is formatted with the root .clang-format.
# Exits 77 (CTest's skip code) when clang-format is missing; lists the files that are not.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if ! command -v clang-format >/dev/null; then
    echo "clang_format: SKIP: clang-format not found (Debian package clang-format," \
        "installed by packaging/install-deps.sh test)"
    exit 77
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
else
    # A source tarball: the same set, minus build trees.
    mapfile -t files < <(find . -path './build*' -prune -o -type f \( -name '*.cpp' -o -name '*.h' \) \
        -print | sed 's|^\./||' | sort)
fi
existing=()
for f in "${files[@]}"; do
    [ -f "$f" ] && existing+=("$f") # skip files deleted in the work tree, not yet in the index
done
# One clang-format process for all files; each problem is reported as "file:line:col: error: ...".
status=0
out=$(clang-format --dry-run --Werror "${existing[@]}" 2>&1) || status=$?
mapfile -t bad < <(sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: .*/\1/p' <<<"$out" | sort -u)
if [ "$status" -ne 0 ] && [ ${#bad[@]} -eq 0 ]; then
    echo "clang_format: clang-format failed (exit $status):"
    echo "$out" | head -n 20
    exit 1
fi
echo "clang_format: $(clang-format --version | head -n 1); ${#existing[@]} files checked"
if [ ${#bad[@]} -gt 0 ]; then
    echo "clang_format: ${#bad[@]} file(s) not formatted (fix with clang-format -i):"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
