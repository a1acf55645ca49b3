#!/bin/bash
set -euo pipefail
export PGPASSWORD="$(aws secretsmanager get-secret-value --secret-id prod/lims/etl --query SecretString --output text)"
PGPASSWORD=${PGPASSWORD:?}
psql -h lims-db -U lims_etl -d lims -c "REFRESH MATERIALIZED VIEW pending_results"
