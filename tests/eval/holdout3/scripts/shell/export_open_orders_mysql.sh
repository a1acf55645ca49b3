#!/usr/bin/env bash
# Export open orders for the new order-management vendor, encrypted, then uploaded.
set -euo pipefail

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mysql --defaults-extra-file=/etc/shop/export.cnf --ssl-mode=VERIFY_IDENTITY shop -B -e "SELECT * FROM orders WHERE status IN ('open', 'pending')" | gpg --batch -e -r oms@vendor.example.com > "$WORK/orders.tsv.gpg"
aws s3 cp "$WORK/orders.tsv.gpg" s3://acme-oms-handover/orders/ --sse aws:kms --sse-kms-key-id alias/oms-handover
