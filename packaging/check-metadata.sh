#!/usr/bin/env bash
# Validates the desktop entry and AppStream metainfo in the source tree and checks that they and
# the man page carry the project version. Usage: packaging/check-metadata.sh PROJECT_VERSION
set -euo pipefail
version=$1
dir=$(cd "$(dirname "$0")" && pwd)
app_id=io.feedwatch.Feedwatch

for tool in desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || {
        echo "check-metadata: $tool not found; run packaging/install-deps.sh test" >&2
        exit 1
    }
done

desktop-file-validate "$dir/$app_id.desktop"
appstreamcli validate --no-net "$dir/$app_id.metainfo.xml"

status=0
grep -q "<release version=\"$version\"" "$dir/$app_id.metainfo.xml" || {
    echo "check-metadata: $app_id.metainfo.xml has no <release version=\"$version\">" >&2
    status=1
}
grep -q "^\.TH FEEDWATCH 1 .*\"Feedwatch $version\"" "$dir/feedwatch.1" || {
    echo "check-metadata: the .TH line of feedwatch.1 does not say \"Feedwatch $version\"" >&2
    status=1
}
grep -qx "Icon=$app_id" "$dir/$app_id.desktop" || {
    echo "check-metadata: $app_id.desktop does not use Icon=$app_id" >&2
    status=1
}
exit $status
