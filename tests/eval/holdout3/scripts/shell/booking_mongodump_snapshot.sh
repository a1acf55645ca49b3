#!/usr/bin/env bash
# Snapshot of the appointment-booking MongoDB before the schema change.
set -euo pipefail

: "${MONGO_URI:?set by the job runner}"
mongodump --uri "$MONGO_URI" --gzip --out "/srv/dumps/booking_$(date +%F)"
