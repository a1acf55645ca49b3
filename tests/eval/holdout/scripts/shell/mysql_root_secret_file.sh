#!/bin/bash
set -euo pipefail
mysql -uroot -p"$(cat /run/secrets/mysql_root)" -h shop-db -e "FLUSH PRIVILEGES"
