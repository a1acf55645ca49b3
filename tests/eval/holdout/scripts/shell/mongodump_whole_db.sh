#!/bin/bash
set -euo pipefail
TARGET=/backup/mongo/$(date +%F)
mongodump --uri "$MONGO_URI" --db crm --out "$TARGET"
