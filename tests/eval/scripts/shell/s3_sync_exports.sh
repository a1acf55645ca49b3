#!/bin/sh
# push exports to the new provider's bucket every hour
EXPORTS=/data/lims/exports
aws s3 sync "$EXPORTS" s3://newlims-intake/lab-nord/ --delete
