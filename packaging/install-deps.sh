#!/usr/bin/env bash
# Installs, with apt-get, exactly the Debian 12 packages Feedwatch needs that are missing.
# A no-op when everything is there.  Usage: packaging/install-deps.sh [build|test|peers|all]
# `test` and `all` include the peers (real WebSocket servers and clang for the fuzz targets).
# Build and test packages are mandatory (any failure stops here); the peers are best effort:
# each one that cannot be installed is named, and the tests that need it skip saying so.
set -euo pipefail

build_pkgs=(
    cmake ninja-build g++ pkgconf
    qt6-base-dev qt6-websockets-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev libqt6opengl6-dev libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins
    dpkg-dev qt6-translations-l10n zlib1g-dev libsimdjson-dev
    # Build speed (cmake/BuildSpeed.cmake): mold links the ~80 executables of a build tree in a
    # fraction of GNU ld's time; ccache keeps a developer's rebuilds short.
    mold ccache
    # Tokens in the system keychain (optional at build time; runtime libqt6keychain1, which
    # dlopen()s libsecret for a Secret Service). TLS needs no extra package: Qt's OpenSSL backend
    # ships in libqt6network6 (plugins/tls/libqopensslbackend.so) and pulls libssl3;
    # ca-certificates is the system CA store servers are verified against.
    qtkeychain-qt6-dev libsecret-1-0 ca-certificates
)
# desktop-file-utils and appstream validate the desktop entry and metainfo (packaging tests);
# clang-format checks the sources' formatting (CTest clang_format); python3 runs the
# ThreadSanitizer report check (tests/sanitizers/tsan-check.py) and the Python peers.
test_pkgs=(xvfb xauth imagemagick desktop-file-utils appstream clang-format python3)
# Third-party WebSocket peers for tst_realpeers (tests/peers/), the fuzz targets' compiler, and
# Prometheus (with promtool) for prometheus_real (tests/prometheus/).
peers_pkgs=(
    python3-websockets python3-fastapi python3-uvicorn
    golang-go golang-github-gorilla-websocket-dev clang libclang-rt-14-dev
    prometheus
)

case "${1:-all}" in
build) mandatory=("${build_pkgs[@]}") optional=() ;;
peers) mandatory=() optional=("${peers_pkgs[@]}") ;;
test | all) mandatory=("${build_pkgs[@]}" "${test_pkgs[@]}") optional=("${peers_pkgs[@]}") ;;
*)
    echo "usage: $0 [build|test|peers|all]" >&2
    exit 2
    ;;
esac

missing_of() { # prints the packages among "$@" that are not installed
    local pkg status
    for pkg in "$@"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        [ "$status" = "install ok installed" ] || echo "$pkg"
    done
}
mapfile -t missing < <(missing_of "${mandatory[@]}")
mapfile -t missing_optional < <(missing_of "${optional[@]}")
if [ ${#missing[@]} -eq 0 ] && [ ${#missing_optional[@]} -eq 0 ]; then
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || {
        echo "install-deps: need root (or sudo) to install: ${missing[*]} ${missing_optional[*]}" >&2
        [ ${#missing[@]} -eq 0 ] && exit 0 # only peers missing: their tests skip
        exit 1
    }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
apt_install() {
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@"
}
if ! "${sudo[@]}" apt-get update -qq; then
    # A stale or offline package list may still hold what is missing.
    echo "install-deps: apt-get update failed; trying the package lists already here" >&2
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    apt_install "${missing[@]}"
fi

if [ ${#missing_optional[@]} -gt 0 ]; then
    echo "install-deps: installing (best effort) ${missing_optional[*]}"
    # All at once first (one dependency resolution); one by one only when that fails, so one
    # uninstallable peer costs only its own tests.
    if ! apt_install "${missing_optional[@]}"; then
        for pkg in "${missing_optional[@]}"; do
            apt_install "$pkg" || true
        done
    fi
    mapfile -t failed < <(missing_of "${missing_optional[@]}")
    if [ ${#failed[@]} -gt 0 ]; then
        echo "install-deps: could not install ${failed[*]}; the tests that need them will be" \
            "skipped (tst_realpeers, fuzz_smoke, prometheus_real say which)" >&2
    fi
fi
