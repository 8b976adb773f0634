#!/usr/bin/env bash
# Builds the packages with CPack, installs the .deb for real with apt-get, checks the installed
# application (binaries, a live --check against the installed demo backend, menu entry, icons,
# metainfo, man page) and removes it again.
# Usage: packaging/test-package.sh BUILD_DIR. Exit 77 (skip) when it cannot install packages.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
app_id=io.feedwatch.Feedwatch
skip=77

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: installing a package needs root (this test runs as root in CI)"
    exit $skip
fi
for tool in cpack apt-get dpkg-shlibdeps desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || {
        echo "FAIL: $tool not found; run packaging/install-deps.sh test" >&2
        exit 1
    }
done
if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' feedwatch 2>/dev/null || true)" = "ii " ]; then
    echo "SKIP: a feedwatch package is already installed here; not replacing or removing it"
    exit $skip
fi

# Worktrees on one machine share one dpkg database: take turns.
exec 9>/run/lock/feedwatch-package-test.lock
flock --timeout 300 9

work=$(mktemp -d)
sim_pid=
installed=
cleanup() {
    if [ -n "$sim_pid" ]; then
        kill "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    if [ -n "$installed" ]; then
        apt-get remove -y -qq feedwatch >/dev/null 2>&1 || dpkg --remove feedwatch >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "--- $*"; }

step "cpack"
(cd "$build_dir" && cpack -B "$work" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log" >&2
    fail "cpack failed"
}
debs=("$work"/feedwatch_*.deb)
[ -f "${debs[0]}" ] && [ ${#debs[@]} -eq 1 ] || fail "expected one feedwatch_*.deb in $work"
deb=${debs[0]}
tarballs=("$work"/feedwatch-*.tar.gz)
[ -f "${tarballs[0]}" ] || fail "no feedwatch-*.tar.gz"
tar -tzf "${tarballs[0]}" | grep -q '/bin/feedwatch$' || fail "the tarball has no bin/feedwatch"
echo "$(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"
for dep in libqt6websockets6 libqt6widgets6 libqt6svg6 libsimdjson14; do
    dpkg-deb -f "$deb" Depends | grep -q "\b$dep\b" || fail "Depends lacks $dep"
done
# Nothing of the build tree (static libraries, headers) belongs in the package.
if dpkg-deb -c "$deb" | grep -E '\.(a|h)$|/usr/local/|/include/'; then
    fail "unexpected files in the package"
fi

step "apt-get install"
installed=yes
apt-get install -y -qq -o DPkg::Lock::Timeout=120 "$deb" >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log" >&2
    fail "apt-get install failed"
}

step "installed binaries"
[ -x /usr/bin/feedwatch ] && [ -x /usr/bin/feedwatch-sim ] || fail "binaries not in /usr/bin"
version=$(dpkg-deb -f "$deb" Version)
/usr/bin/feedwatch --version | tee "$work/version.txt"
grep -q "^feedwatch ${version%-*} (Qt 6" "$work/version.txt" || fail "--version does not say ${version%-*}"

step "feedwatch --check against the installed feedwatch-sim"
/usr/bin/feedwatch-sim --port 0 --seed 7 >"$work/sim.log" 2>&1 &
sim_pid=$!
url=
for _ in $(seq 100); do
    url=$(grep -m1 -oE 'ws://127\.0\.0\.1:[0-9]+' "$work/sim.log" || true)
    [ -n "$url" ] && break
    kill -0 "$sim_pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$url" ] || {
    cat "$work/sim.log" >&2
    fail "feedwatch-sim did not report its address"
}
# The demo backend's own feeds: the default profile's qc-metrics is not one of them.
demo_feeds=queue,workflows,system-status,adw-monitor,routes,workflow-history,planned-features,webhook-status
timeout 60 /usr/bin/feedwatch --check --server "$url" --feeds "$demo_feeds" ||
    fail "feedwatch --check --server $url --feeds $demo_feeds failed"
kill "$sim_pid"
wait "$sim_pid" 2>/dev/null || true
sim_pid=

step "menu entry, icons, metainfo, man page"
desktop=/usr/share/applications/$app_id.desktop
metainfo=/usr/share/metainfo/$app_id.metainfo.xml
[ -f "$desktop" ] || fail "$desktop missing"
desktop-file-validate "$desktop" || fail "$desktop does not validate"
exec_cmd=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ "$(command -v "$exec_cmd")" = /usr/bin/feedwatch ] || fail "Exec=$exec_cmd does not find /usr/bin/feedwatch"
[ "$(sed -n 's/^Icon=//p' "$desktop")" = "$app_id" ] || fail "Icon= is not $app_id"
[ -f "$metainfo" ] || fail "$metainfo missing"
appstreamcli validate --no-net "$metainfo" || fail "$metainfo does not validate"
[ -f /usr/share/icons/hicolor/scalable/apps/$app_id.svg ] || fail "no scalable icon"
for size in 16 22 24 32 48 64 128 256; do
    png=/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [ -f "$png" ] || fail "$png missing"
    # PNG header: width and height are big-endian 32-bit words at offsets 16 and 20.
    read -r w h < <(od -An -tu1 -j16 -N8 "$png" |
        awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [ "$w" = "$size" ] && [ "$h" = "$size" ] || fail "$png is ${w}x$h"
done
plugin=$(dpkg -L libqt6svg6 | grep '/iconengines/libqsvgicon.so$' || true)
[ -n "$plugin" ] || fail "the SVG icon engine plugin is not installed"
zcat /usr/share/man/man1/feedwatch.1.gz | grep -q '^\.SH OPTIONS' || fail "man page missing"
[ -f /usr/share/doc/feedwatch/copyright ] || fail "/usr/share/doc/feedwatch/copyright missing"

step "probe units and rules"
for unit in /usr/lib/systemd/system/feedwatch-probe@.service \
    /usr/lib/systemd/user/feedwatch-probe@.service; do
    [ -f "$unit" ] || fail "$unit missing"
    grep -q '^ExecStart=/usr/bin/feedwatch --headless .*--metrics-listen' "$unit" ||
        fail "$unit does not run feedwatch --headless --metrics-listen"
done
if command -v systemd-analyze >/dev/null; then
    # An instance of the template, checked as systemd would load it (no running manager needed).
    cp /usr/lib/systemd/system/feedwatch-probe@.service "$work/feedwatch-probe@check.service"
    SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$work/feedwatch-probe@check.service" \
        2>&1 | tee "$work/verify.log"
    if grep -v 'network-online.target' "$work/verify.log" | grep -q .; then
        fail "systemd-analyze verify reports problems with the probe unit"
    fi
fi
[ -f /usr/share/doc/feedwatch/prometheus/feedwatch.rules.yml ] || fail "the example rules are missing"

step "apt-get remove"
apt-get remove -y -qq -o DPkg::Lock::Timeout=120 feedwatch >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log" >&2
    fail "apt-get remove failed"
}
installed=
[ ! -e /usr/bin/feedwatch ] || fail "/usr/bin/feedwatch is still there"
[ ! -e "$desktop" ] || fail "$desktop is still there"
status=$(dpkg-query -W -f='${db:Status-Abbrev}' feedwatch 2>/dev/null || true)
# Second letter of the abbreviated status: n = not installed (no leftover config files either).
[ -z "$status" ] || [ "${status:1:1}" = n ] || fail "dpkg still lists feedwatch as '$status'"
echo "PASS: $(basename "$deb") builds, installs, runs, integrates and removes cleanly"
