# expect: GG-CRED-107 6
# expect: GG-ENC-104 6
# expect: GG-DEL-104 6
#!/bin/bash
OUT=/srv/exports/customers.sql
MYSQL_PWD='Dump#Cust22' mysqldump -h shop-db -u shop_export shop customers > "$OUT"
