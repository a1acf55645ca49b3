#!/usr/bin/env bash
# Named columns through COPY TO STDOUT, encrypted straight away; trap cleans up.
set -euo pipefail

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

psql -h lims-db.internal -U lims_migration -d lims -v ON_ERROR_STOP=1 <<'SQL' | gpg --batch -e -r import@new-lims.example.com > "$WORK/samples.csv.gpg"
COPY (SELECT sample_id, patient_id, collected_at, site_code FROM lab_samples WHERE collected_at >= '2023-01-01') TO STDOUT WITH CSV HEADER;
SQL
sftp -i /etc/migration/new_lims_ed25519 -b - lims_migration@sftp.new-lims.example.com <<< "put $WORK/samples.csv.gpg /import/"
