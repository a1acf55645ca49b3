#!/usr/bin/env bash
# Fetch the partner's reference catalogue (a download, not an upload) and load it.
set -euo pipefail

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
aws s3 cp s3://partner-catalogue-share/tests/catalogue.csv "$WORK/catalogue.csv"
psql "service=catalogue_loader" -c "\copy test_catalogue (test_code, name, unit, loinc) FROM '$WORK/catalogue.csv' CSV HEADER"
