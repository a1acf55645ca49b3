#!/bin/bash
# expect: GG-ENC-106 5
# expect: GG-CRED-107 5
for f in /data/out/*.csv; do
  curl --silent --show-error -T "$f" "ftp://ftp.newlims-provider.com/incoming/" --user "labnord:N0rd-Ftp"
done
