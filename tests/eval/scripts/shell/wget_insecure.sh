#!/bin/bash
set -e
TMP=$(mktemp)
trap 'rm -f "$TMP"' EXIT
wget --no-check-certificate -O "$TMP" https://oldlims.lab.local/export/patients.csv
wc -l "$TMP"
