#!/bin/bash
# fetch the provider's reconciliation report and compare counts
set -e
REPORT=$(mktemp)
trap 'rm -f "$REPORT"' EXIT
aws s3 cp s3://newlims-intake/reports/reconciliation.csv "$REPORT"
wc -l "$REPORT"
