#!/bin/bash
set -a
. /etc/lims/migration.env
set +a
PGPASSWORD="$LIMS_DB_PASSWORD" psql -h legacy-lims -U "$LIMS_DB_USER" -d lims -c "\dt"
