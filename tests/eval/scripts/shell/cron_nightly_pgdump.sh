#!/bin/bash
# /etc/cron.d/lims-dump: 30 1 * * * lims /opt/lims/bin/cron_nightly_pgdump.sh
set -e
BACKUP_DIR=/var/backups/lims
STAMP=$(date +%Y%m%d)
export PGPASSWORD="Lims-Backup-01"
pg_dump -h localhost -U lims_backup lims > $BACKUP_DIR/lims_$STAMP.sql
gzip -9 $BACKUP_DIR/lims_$STAMP.sql
