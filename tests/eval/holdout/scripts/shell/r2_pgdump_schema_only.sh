#!/bin/bash
set -euo pipefail
OUT=/var/tmp/crm_schema.sql
trap 'rm -f "$OUT"' EXIT
pg_dump --schema-only -h crm-db -U crm_ddl -d crm > "$OUT"
diff -u /opt/crm/expected_schema.sql "$OUT"
