#!/usr/bin/env bash
# Mirror the outgoing HL7 result messages to the GP software vendor, then clear the outbox.
set -euo pipefail

OUTBOX=/srv/hl7/outbox
lftp -u "acme_hl7,Hl7-Vend0r-Push" -e "mirror -R --only-newer $OUTBOX /in; bye" ftp://ftp.gp-vendor.example.com
rm -f "$OUTBOX"/*.hl7
