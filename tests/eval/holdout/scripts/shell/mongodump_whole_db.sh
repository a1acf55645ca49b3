# expect: GG-MIN-104 7
# expect: GG-ENC-104 7
# expect: GG-DEL-104 7
#!/bin/bash
set -euo pipefail
TARGET=/backup/mongo/$(date +%F)
mongodump --uri "$MONGO_URI" --db crm --out "$TARGET"
