#!/bin/bash
set -euo pipefail
BACKUP_DIR=/var/backups/lims
STAMP=$(date +%Y%m%d)
pg_dump -h localhost -U lims_backup -t lab_results -t patients lims \
  | age -r "$(cat /etc/lims/backup.age.pub)" > "$BACKUP_DIR/lims_$STAMP.sql.age"
find "$BACKUP_DIR" -name 'lims_*.sql.age' -mtime +7 -delete
