#!/bin/bash
# cron: 30 1 * * *  agreed tables only, encrypted, nothing left behind
set -euo pipefail
: "${PGPASSFILE:?the job runner provides a 0600 password file}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/lims_$(date +%Y%m%d).sql.age"
pg_dump "host=legacy-lims.lab-nord.local dbname=lims user=lims_migration sslmode=verify-full" \
  -t patients -t lab_results --column-inserts \
  | age -r "$NEWLIMS_AGE_RECIPIENT" > "$OUT"
sftp -i "$NEWLIMS_SFTP_KEY" -b - "$NEWLIMS_SFTP_USER@sftp.newlims.example" <<< "put $OUT /incoming/"
