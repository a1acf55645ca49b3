#!/bin/bash
# liveness probe of the migration worker
set -e
curl -fsS https://newlims.example/healthz > /dev/null
pg_isready -h legacy-lims -p 5432
