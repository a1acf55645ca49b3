#!/bin/bash
for t in patient sample result; do
  mysql --defaults-extra-file=/etc/lims/maint.cnf oldlims -e "OPTIMIZE TABLE $t"
done
