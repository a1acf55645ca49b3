#!/bin/bash
OUT=/srv/exports/customers.sql
MYSQL_PWD='Dump#Cust22' mysqldump -h shop-db -u shop_export shop customers > "$OUT"
