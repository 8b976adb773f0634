#!/usr/bin/env bash
# Installs, with apt-get, exactly the Debian 12 packages Feedwatch needs that are missing.
# A no-op when everything is there.  Usage: packaging/install-deps.sh [build|test|all]
set -euo pipefail

build_pkgs=(
    cmake ninja-build g++ pkgconf
    qt6-base-dev qt6-websockets-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev libqt6opengl6-dev libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins
)
test_pkgs=(xvfb xauth imagemagick)

case "${1:-all}" in
build) wanted=("${build_pkgs[@]}") ;;
test | all) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
*)
    echo "usage: $0 [build|test|all]" >&2
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
