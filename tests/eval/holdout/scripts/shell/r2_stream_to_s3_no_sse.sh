#!/bin/bash
set -euo pipefail
pg_dump -h crm-db -U crm_export -d crm -t orders | gzip | aws s3 cp - "s3://crm-archive/orders/$(date +%F).sql.gz"
