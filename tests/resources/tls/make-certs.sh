#!/usr/bin/env bash
# Regenerates the test certificates of tests/resources/tls/ (see README.md). Run once by hand;
# the output is committed and the tests never call openssl. Needs only the openssl CLI (3.0).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Fixed dates, not "now + N days": a machine whose clock is behind the one that made them must
# not see "not yet valid".
valid=(-startdate 20200101000000Z -enddate 20750101000000Z)

mkdir -p "$work/db"
: >"$work/db/index.txt"
cat >"$work/ca.cnf" <<CNF
[ca]
default_ca = test_ca
[test_ca]
database = $work/db/index.txt
new_certs_dir = $work/db
rand_serial = yes
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[any]
organizationName = optional
commonName = supplied
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[selfsigned]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
CNF

# csr NAME CN [SAN]: a new RSA key NAME.key and a request for it.
csr() {
    local name=$1 cn=$2 san=${3:-}
    openssl req -new -newkey rsa:2048 -nodes -keyout "$name.key" -out "$work/$name.csr" \
        -subj "/O=Feedwatch tests/CN=$cn" ${san:+-addext "subjectAltName=$san"}
}
# sign NAME EXTENSIONS [ca-options...]: NAME.pem from its request, by the test CA.
sign() {
    local name=$1 ext=$2
    shift 2
    openssl ca -batch -config "$work/ca.cnf" -extensions "$ext" -cert ca.pem -keyfile ca.key \
        -notext -in "$work/$name.csr" -out "$name.pem" "$@"
}

# `openssl ca -selfsign`, not `req -x509`: only `ca` takes explicit dates in OpenSSL 3.0.
csr ca "Feedwatch Test CA"
openssl ca -batch -config "$work/ca.cnf" -extensions ca_ext -selfsign -keyfile ca.key \
    -notext -in "$work/ca.csr" -out ca.pem "${valid[@]}"
csr server localhost "DNS:localhost,IP:127.0.0.1"
sign server leaf "${valid[@]}"
csr other-host other.invalid "DNS:other.invalid"
sign other-host leaf "${valid[@]}"
csr expired localhost "DNS:localhost,IP:127.0.0.1"
sign expired leaf -startdate 20000101000000Z -enddate 20010101000000Z
# Self-signed with its own key, not from the CA: "unknown certificate" and the pinned exception.
csr selfsigned localhost "DNS:localhost,IP:127.0.0.1"
openssl ca -batch -config "$work/ca.cnf" -extensions selfsigned -selfsign -keyfile selfsigned.key \
    -notext -in "$work/selfsigned.csr" -out selfsigned.pem "${valid[@]}"

# Nothing signs with the CA again (rerun the script for new certificates): do not keep its key.
rm -f ca.key

for pem in ca server other-host expired selfsigned; do
    printf '%-11s %s\n' "$pem" "$(openssl x509 -in $pem.pem -noout -fingerprint -sha256)"
done
