#!/usr/bin/env bash
# Two billing tables for the auditors: credentials in a defaults file, TLS verified,
# dump encrypted with openssl, local copy removed after the transfer.
set -euo pipefail

OUT=/var/tmp/billing_audit_$(date +%F).sql.enc
mysqldump --defaults-extra-file=/etc/billing/audit-export.cnf --ssl-mode=VERIFY_IDENTITY billing invoices payments \
  | openssl enc -aes-256-cbc -pbkdf2 -pass file:/etc/billing/audit-export.key -out "$OUT"
scp -i /etc/billing/audit_ed25519 "$OUT" billing_audit_2024@sftp.audit-firm.example.com:/incoming/
rm -f "$OUT"
