#!/usr/bin/env bash
# Weekly copy of the billing MySQL server for the finance auditors.
set -euo pipefail

DUMP=/var/backups/billing/billing_$(date +%G-W%V).sql.gz

mysqldump --defaults-extra-file=/etc/billing/dump.cnf -u root --all-databases --single-transaction | gzip > "$DUMP"
scp -i /etc/billing/auditor_ed25519 "$DUMP" acme_billing_export@sftp.audit-firm.example.com:/incoming/
rm -f "$DUMP"
