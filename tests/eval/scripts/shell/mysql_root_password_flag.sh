#!/bin/bash
DB=oldlims
for t in patient sample result; do
  mysql -uroot -pT0ps3cret "$DB" -e "OPTIMIZE TABLE $t"
done
