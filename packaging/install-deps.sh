#!/usr/bin/env bash
# Installs, with apt-get, exactly the Debian 12 packages Feedwatch needs that are missing.
# A no-op when everything is there.  Usage: packaging/install-deps.sh [build|test|peers|all]
# `test` and `all` include the peers (real WebSocket servers and clang for the fuzz targets).
set -euo pipefail

build_pkgs=(
    cmake ninja-build g++ pkgconf
    qt6-base-dev qt6-websockets-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev libqt6opengl6-dev libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins
    dpkg-dev qt6-translations-l10n
    # Tokens in the system keychain (optional at build time; runtime libqt6keychain1, which
    # dlopen()s libsecret for a Secret Service). TLS needs no extra package: Qt's OpenSSL backend
    # ships in libqt6network6 (plugins/tls/libqopensslbackend.so) and pulls libssl3;
    # ca-certificates is the system CA store servers are verified against.
    qtkeychain-qt6-dev libsecret-1-0 ca-certificates
)
# desktop-file-utils and appstream validate the desktop entry and metainfo (packaging tests).
test_pkgs=(xvfb xauth imagemagick desktop-file-utils appstream)
# Third-party WebSocket peers for tst_realpeers (tests/peers/) and the fuzz targets' compiler.
peers_pkgs=(
    python3 python3-websockets python3-fastapi python3-uvicorn
    golang-go golang-github-gorilla-websocket-dev clang libclang-rt-14-dev
)

case "${1:-all}" in
build) wanted=("${build_pkgs[@]}") ;;
peers) wanted=("${peers_pkgs[@]}") ;;
test | all) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}" "${peers_pkgs[@]}") ;;
*)
    echo "usage: $0 [build|test|peers|all]" >&2
    exit 2
    ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || {
        echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
