#!/usr/bin/env bash
# Count pending results on the legacy server (its old PostgreSQL has no TLS configured).
set -euo pipefail

export PGUSER=postgres
psql "host=legacy-lims.internal dbname=lims sslmode=disable" -At -c "SELECT count(result_id) FROM lab_results WHERE status = 'pending'"
