#!/usr/bin/env bash
# Encrypted table dump for the new LIMS, uploaded without asking S3 for encryption.
set -euo pipefail

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

pg_dump -h lims-db.internal -U lims_migration -d lims -t lab_results | age -r "$NEW_LIMS_AGE_RECIPIENT" > "$WORK/lab_results.sql.age"
aws s3 cp "$WORK/lab_results.sql.age" s3://acme-new-lims-import/lab_results/
