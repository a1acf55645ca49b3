#!/bin/bash
# cron: 30 1 * * *  full nightly dump kept for the migration team
set -e
export PGPASSWORD='Lims#2021'
OUT=/srv/exports/lims_$(date +%Y%m%d).sql
pg_dump -h legacy-lims.lab-nord.local -U postgres lims > "$OUT"
curl -T "$OUT" -u labnord:Nord-Ftp-2021 "ftp://ftp.newlims.example/incoming/"
