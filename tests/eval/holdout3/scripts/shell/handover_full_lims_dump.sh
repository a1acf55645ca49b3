#!/usr/bin/env bash
# "Give the new vendor everything": the whole LIMS database, encrypted for their key.
set -euo pipefail

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

pg_dump -h lims-db.internal -U lims_migration -d lims -Fc | gpg --batch --encrypt --recipient import@new-lims.example.com > "$WORK/lims_full.dump.gpg"
aws s3 cp "$WORK/lims_full.dump.gpg" s3://acme-new-lims-handover/ --sse aws:kms --sse-kms-key-id alias/new-lims-handover
