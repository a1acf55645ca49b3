#!/usr/bin/env bash
# /etc/cron.d/crm-backup: 30 2 * * * backup /opt/scripts/cron_backup_crm_full.sh
set -euo pipefail

BACKUP_DIR=/var/backups/crm
STAMP=$(date +%F)
DB_HOST=crm-db.internal

backup_db() {
    local db="$1"
    pg_dump -h "$DB_HOST" -U crm_backup -Fc -d "$db" > "$BACKUP_DIR/${db}_${STAMP}.dump"
}

mkdir -p "$BACKUP_DIR"
backup_db crm
echo "backup done: $BACKUP_DIR"
