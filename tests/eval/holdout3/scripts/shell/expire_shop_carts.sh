#!/usr/bin/env bash
# Close stale carts in the web shop database (cron, every hour).
set -euo pipefail

mysql -h shop-db.internal -u shop_cron -p'Sh0p-Cr0n-hourly' --ssl-mode=VERIFY_IDENTITY shop -e "UPDATE carts SET status = 'expired' WHERE status = 'open' AND updated_at < NOW() - INTERVAL 2 DAY"
logger -t shop-carts "stale carts expired"
