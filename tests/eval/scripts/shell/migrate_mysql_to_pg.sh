#!/usr/bin/env bash
# One-shot migration of the old billing/lab MySQL into the new PostgreSQL.
set -euo pipefail

SRC_HOST=oldlims-mysql
DST_URL="postgresql://migrator:Migr8-Now@newlims-pg:5432/lims"
WORK=/srv/migration/work
mkdir -p "$WORK"

mysqldump --single-transaction --all-databases -h "$SRC_HOST" -u root -p"Mysql-R00t" > "$WORK/all.sql"

pgloader mysql://root@"$SRC_HOST"/oldlims "$DST_URL"
echo "done"
