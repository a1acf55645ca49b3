#!/usr/bin/env bash
set -euo pipefail
: "${MYSQL_DEFAULTS:?}" "${PG_SERVICE:?}"
WORK=$(mktemp -d /srv/migration/run.XXXXXX)
trap 'shred -u "$WORK"/* 2>/dev/null; rm -rf "$WORK"' EXIT

mysqldump --defaults-extra-file="$MYSQL_DEFAULTS" --single-transaction oldlims patients results \
  | gpg --batch --encrypt --recipient lims-migration > "$WORK/lims.sql.gpg"
gpg --batch --decrypt "$WORK/lims.sql.gpg" | psql "service=$PG_SERVICE" -v ON_ERROR_STOP=1
