#!/usr/bin/env bash
# Vacuum/analyse after the load; the password comes from Secrets Manager at run time.
set -euo pipefail

PGPASSWORD="$(aws secretsmanager get-secret-value --secret-id reporting/maintenance --query SecretString --output text)"
export PGPASSWORD
psql -h reporting-db.internal -U reporting_maint -d reporting -c "VACUUM (ANALYZE) turnaround_daily"
psql -h reporting-db.internal -U reporting_maint -d reporting -At -c "SELECT count(*) FROM turnaround_daily"
