#!/bin/bash
# expect: GG-CRED-107 6
# expect: GG-CRED-108 6
DB=oldlims
for t in patient sample result; do
  mysql -uroot -pT0ps3cret "$DB" -e "OPTIMIZE TABLE $t"
done
