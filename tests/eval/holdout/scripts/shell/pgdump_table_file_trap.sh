#!/bin/bash
set -euo pipefail
OUT=/var/tmp/samples.sql
trap 'rm -f "$OUT"' EXIT
pg_dump -h lims-db -U lims_export -d lims -t samples -f "$OUT"
psql -h new-lims -U lims_import -d lims_new -f "$OUT"
