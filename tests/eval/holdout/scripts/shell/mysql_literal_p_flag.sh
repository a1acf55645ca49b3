#!/bin/bash
set -euo pipefail
mysql -h shop-db -u shop_report -pR3port2024 shop -e "SELECT order_id, total FROM orders WHERE day = CURDATE()"
