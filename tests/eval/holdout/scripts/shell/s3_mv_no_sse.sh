#!/bin/bash
set -euo pipefail
for f in /srv/outbound/*.csv.gpg; do
    aws s3 mv "$f" "s3://crm-archive/outbound/$(basename "$f")"
done
