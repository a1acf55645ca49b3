#!/bin/bash
set -euo pipefail
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
psql -h lims-db -U postgres -d lims -At -c "SELECT * FROM patients WHERE site = 'north'" > "$OUT"
wc -l "$OUT"
