#!/usr/bin/env bash
# Nightly dump of the results tables for the reporting team (cron: 02:30).
set -euo pipefail

OUT_DIR=/srv/exports/nightly
STAMP=$(date +%F)

export PGPASSWORD='Nightly-Dump#2024'
pg_dump -h lims-db.internal -U etl_nightly -d lims -t lab_results -t lab_samples -F c -f "$OUT_DIR/results_$STAMP.dump"

echo "dump written to $OUT_DIR/results_$STAMP.dump"
