#!/usr/bin/env bash
set -euo pipefail
EXPORT_DIR=/srv/exports/daily
BUCKET=s3://crm-partner-exchange/daily

sync_exports() {
    aws s3 sync "$EXPORT_DIR" "$BUCKET" --exclude "*.tmp"
}

sync_exports
rm -rf "${EXPORT_DIR:?}"/*
