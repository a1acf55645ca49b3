#!/bin/bash
set -euo pipefail
mysql -h shop-db -u shared_reports -p"$REPORTS_PW" shop -e "SELECT order_id, total FROM orders WHERE day = CURDATE()"
