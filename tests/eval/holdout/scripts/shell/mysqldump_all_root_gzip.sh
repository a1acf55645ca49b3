#!/bin/sh
OUT=/backup/mysql/all-$(date +%Y%m%d).sql.gz
mysqldump -u root -p"$MYSQL_ROOT_PASSWORD" --all-databases --single-transaction | gzip > "$OUT"
find /backup/mysql -name '*.sql.gz' -mtime +30 -print
