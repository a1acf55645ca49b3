#!/bin/bash
# expect: GG-ENC-106 6
set -e
TMP=$(mktemp)
trap 'rm -f "$TMP"' EXIT
wget --no-check-certificate -O "$TMP" https://oldlims.lab.local/export/patients.csv
wc -l "$TMP"
