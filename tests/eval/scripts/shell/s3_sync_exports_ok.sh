#!/bin/sh
EXPORTS=/data/lims/exports
aws s3 sync "$EXPORTS" s3://newlims-intake/lab-nord/ --sse aws:kms --sse-kms-key-id alias/newlims-intake
aws s3 rm s3://newlims-intake/lab-nord/ --recursive --exclude "*" --include "*.tmp"
rm -f "$EXPORTS"/*.csv
