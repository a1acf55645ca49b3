#!/bin/bash
for f in /data/out/*.csv; do
  curl --silent --show-error -T "$f" "ftp://ftp.newlims-provider.com/incoming/" --user "labnord:N0rd-Ftp"
done
