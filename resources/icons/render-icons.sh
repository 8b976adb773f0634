#!/usr/bin/env bash
# Renders the committed hicolor PNGs from feedwatch.svg. Run after editing the SVG and commit the
# result; the build installs the PNGs as they are, so it needs no SVG renderer.
# Needs rsvg-convert (Debian package librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || {
    echo "render-icons: rsvg-convert not found (apt-get install librsvg2-bin)" >&2
    exit 1
}
for size in 16 22 24 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" feedwatch.svg --output "feedwatch-$size.png"
done
