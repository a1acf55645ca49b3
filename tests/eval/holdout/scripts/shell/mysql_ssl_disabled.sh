#!/bin/bash
set -euo pipefail
mysql --defaults-extra-file=/etc/shop/maint.cnf --ssl-mode=DISABLED -h shop-db shop -e "DELETE FROM sessions WHERE expires_at < NOW()"
