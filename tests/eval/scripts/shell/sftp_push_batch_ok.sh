#!/bin/bash
set -euo pipefail
FILE=/data/out/resultats_$(date +%F).csv.gpg
sftp -i ~/.ssh/lims_intake -b - lims_intake_nord@sftp.newlims-provider.com <<EOF
cd incoming
put $FILE
EOF
shred -u "$FILE"
