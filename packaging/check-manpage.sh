#!/usr/bin/env bash
# Checks that the man page and `feedwatch --help` list the same options, both ways, so neither
# falls behind. Usage: packaging/check-manpage.sh FEEDWATCH_BINARY MAN_PAGE
set -euo pipefail
binary=$1
manpage=$2

# "  -h, --help     Show this help."  ->  -h and --help
help_options=$("$binary" --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z-]*' |
    grep -oE -- '--?[a-zA-Z][a-z-]*' | sort -u)
[ -n "$help_options" ] || {
    echo "check-manpage: no options found in '$binary --help'" >&2
    exit 1
}

# Options documented under OPTIONS: the tag line after each .TP, with roff escapes removed.
man_options=$(awk '/^\.SH /{in_options = ($2 == "OPTIONS")} in_options && tag {print; tag = 0}
                   in_options && /^\.TP/{tag = 1}' "$manpage" |
    sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' | grep -oE -- '(^|[ "])--?[a-zA-Z][a-z-]*' |
    grep -oE -- '--?[a-zA-Z][a-z-]*' | sort -u)

status=0
while read -r option; do
    grep -qxF -- "$option" <<<"$man_options" || {
        echo "check-manpage: $option is in --help but not under OPTIONS in $manpage" >&2
        status=1
    }
done <<<"$help_options"
while read -r option; do
    grep -qxF -- "$option" <<<"$help_options" || {
        echo "check-manpage: $option is documented in $manpage but not in --help" >&2
        status=1
    }
done <<<"$man_options"
[ $status -eq 0 ] && echo "check-manpage: $(wc -l <<<"$help_options") options documented"
exit $status
