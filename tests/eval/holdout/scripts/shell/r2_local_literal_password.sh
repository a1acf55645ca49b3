#!/bin/bash
set -euo pipefail

refresh() {
    local db_pass='Lims#Refresh24'
    PGPASSWORD="$db_pass" psql -h lims-db -U lims_refresh -d lims -c "REFRESH MATERIALIZED VIEW stats"
}

refresh
