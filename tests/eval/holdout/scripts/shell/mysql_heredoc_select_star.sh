#!/bin/bash
set -euo pipefail
mysql --defaults-extra-file=/etc/shop/export.cnf shop <<'SQL' | gpg -e -r analytics@shop.example > /srv/out/customers.tsv.gpg
SELECT * FROM customers WHERE created_at >= CURDATE() - INTERVAL 1 DAY;
SQL
scp /srv/out/customers.tsv.gpg analytics@bi.internal:/in/
rm -f /srv/out/customers.tsv.gpg
