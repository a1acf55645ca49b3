#!/bin/bash
set -euo pipefail
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mongoexport --uri "$MONGO_URI" --db crm --collection customers --fields _id,email,country --type=csv \
  | gpg --batch -e -r bi@shop.example > "$WORK/customers.csv.gpg"
sftp -b - bi_import@bi.internal <<< "put $WORK/customers.csv.gpg /in/"
