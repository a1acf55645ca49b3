#!/bin/bash
set -euo pipefail
WORK=$(mktemp -d)
trap 'rm -rf -- "$WORK"' EXIT INT TERM
mysqldump --defaults-extra-file=/etc/shop/export.cnf shop orders customers \
  | openssl enc -aes-256-cbc -pbkdf2 -salt -pass file:/run/secrets/export_key > "$WORK/shop.sql.enc"
rsync -a --remove-source-files "$WORK/shop.sql.enc" shop_sync@archive.internal:/in/
