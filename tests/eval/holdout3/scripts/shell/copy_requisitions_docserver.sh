# expect: GG-CRED-107 9
# expect: GG-CRED-108 9
# expect: GG-DEL-104 9
#!/usr/bin/env bash
# Copy the scanned requisitions to the old document server (no SSH keys there).
set -euo pipefail

SRC=/srv/scanner/archive/$(date +%Y/%m)
sshpass -p 'D0cServer-r00t' scp -r "$SRC" root@docserver.internal:/data/requisitions/
