#!/bin/bash
set -euo pipefail
SRC=/srv/exports/results.csv.gpg
curl -k --fail -H "Authorization: Bearer ${IMPORT_TOKEN}" -F "file=@${SRC}" https://import.new-lims.example/upload
rm -f "$SRC"
