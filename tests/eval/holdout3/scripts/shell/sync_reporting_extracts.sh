#!/usr/bin/env bash
# Push the reporting extracts produced by the ETL to the BI team's bucket.
set -euo pipefail

SRC=/srv/etl/out/reporting
aws s3 sync "$SRC" s3://acme-bi-dropzone/reporting/ --only-show-errors
echo "sync done: $(find "$SRC" -type f | wc -l) files"
