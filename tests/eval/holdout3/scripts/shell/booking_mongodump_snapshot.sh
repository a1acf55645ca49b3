# expect: GG-MIN-104 9
# expect: GG-ENC-104 9
# expect: GG-DEL-104 9
#!/usr/bin/env bash
# Snapshot of the appointment-booking MongoDB before the schema change.
set -euo pipefail

: "${MONGO_URI:?set by the job runner}"
mongodump --uri "$MONGO_URI" --gzip --out "/srv/dumps/booking_$(date +%F)"
