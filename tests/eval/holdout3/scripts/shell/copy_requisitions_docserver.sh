#!/usr/bin/env bash
# Copy the scanned requisitions to the old document server (no SSH keys there).
set -euo pipefail

SRC=/srv/scanner/archive/$(date +%Y/%m)
sshpass -p 'D0cServer-r00t' scp -r "$SRC" root@docserver.internal:/data/requisitions/
