#!/bin/bash
set -euo pipefail
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
sqlcmd -S hr-sql.internal -U sa -P "$SA_PASSWORD" -Q "SELECT * FROM dbo.employees" -o "$OUT"
gpg -e -r hr@corp.example "$OUT"
