#!/bin/bash
set -e
for f in /data/out/*.csv.gpg; do
  curl --ssl-reqd --netrc-file /etc/lims/netrc -T "$f" "ftp://ftp.newlims-provider.com/incoming/"
  rm -f "$f"
done
