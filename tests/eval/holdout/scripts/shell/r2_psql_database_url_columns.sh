#!/bin/bash
set -euo pipefail
: "${DATABASE_URL:?}"
psql "$DATABASE_URL" -At -c "SELECT id, email FROM users WHERE created_at > now() - interval '1 day'" | wc -l
