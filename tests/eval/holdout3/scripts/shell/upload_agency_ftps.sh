#!/usr/bin/env bash
# Upload over implicit FTPS, credentials from a 0600 netrc file, certificate checked.
set -euo pipefail

FILE="$1"
curl --fail --ssl-reqd --netrc-file /etc/agency/netrc --cacert /etc/ssl/certs/agency-ca.pem \
  -T "$FILE" "ftps://ftps.regional-agency.example.org/incoming/"
rm -f "$FILE"
