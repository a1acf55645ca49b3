#!/bin/bash
set -euo pipefail
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mysqldump --defaults-extra-file=/etc/lims/dump.cnf --single-transaction oldlims patient sample \
  | openssl enc -aes-256-cbc -pbkdf2 -pass file:/etc/lims/dump.key > "$WORK/oldlims.sql.enc"
scp "$WORK/oldlims.sql.enc" lims_handover@newlims-gw:/incoming/
