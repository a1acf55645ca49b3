#!/bin/bash
set -euo pipefail
psql "postgresql://etl_crm:Crm2023pw@crm-db.internal:5432/crm?sslmode=disable" -c "REFRESH MATERIALIZED VIEW customer_stats"
