#!/bin/bash
set -euo pipefail
SRC=/srv/exports/
DEST=backup_sync@backup.internal:/srv/backup/exports/
rsync -az --delete "$SRC" "$DEST"
