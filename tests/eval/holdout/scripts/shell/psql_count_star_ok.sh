#!/bin/bash
set -euo pipefail
n=$(psql -h lims-db -U lims_monitor -d lims -At -c "SELECT count(*) FROM lab_results WHERE validated_at IS NULL")
m=$(psql -h lims-db -U lims_monitor -d lims -At -c "SELECT id, coalesce(comment, '*') FROM alerts ORDER BY id DESC LIMIT 1")
echo "pending=$n last=$m"
