#!/bin/bash
set -euo pipefail
export PGPASSFILE=/etc/crm/pgpass
psql "postgresql://etl_crm@crm-db.internal:5432/crm?sslmode=verify-full&sslrootcert=/etc/ssl/crm-ca.pem" -c "REFRESH MATERIALIZED VIEW customer_stats"
