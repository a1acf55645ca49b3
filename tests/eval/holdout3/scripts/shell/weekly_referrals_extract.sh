#!/usr/bin/env bash
# Extract last week's referrals for the partner hospital, encrypt, send; temp dir removed.
set -euo pipefail

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

psql "service=referrals_ro" -c "\copy (SELECT * FROM referrals WHERE sent_on >= now() - interval '7 days') TO '$WORK/referrals.csv' CSV HEADER"
gpg --batch --encrypt --recipient partner-hospital@example.org --output "$WORK/referrals.csv.gpg" "$WORK/referrals.csv"
sftp -b - partner_feed@sftp.partner-hospital.example.org <<< "put $WORK/referrals.csv.gpg /incoming/"
