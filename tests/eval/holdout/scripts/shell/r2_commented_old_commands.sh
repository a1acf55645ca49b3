#!/bin/bash
set -euo pipefail
# Old version, kept for reference (do not uncomment):
#   mysqldump -u root -pOldR00t --all-databases > /backup/all.sql
#   curl -T /backup/all.sql ftp://backup.example/
psql -h crm-db -U crm_maint -d crm -c "VACUUM ANALYZE customers"
