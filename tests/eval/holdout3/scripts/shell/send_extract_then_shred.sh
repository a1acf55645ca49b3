#!/usr/bin/env bash
# Send the encrypted extract by SFTP with a key, then shred the local copy.
set -euo pipefail

FILE="$1"
sftp -i /etc/exchange/partner_ed25519 -b - exchange_acme@sftp.partner.example.org <<EOF
put $FILE /incoming/
EOF
shred -u "$FILE"
