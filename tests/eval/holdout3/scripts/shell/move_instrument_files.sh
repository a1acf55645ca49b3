#!/usr/bin/env bash
# Move (not copy) processed instrument files to the archive host over SSH.
set -euo pipefail

rsync -a --remove-source-files -e "ssh -i /etc/instruments/archive_ed25519" \
  /srv/instruments/processed/ instr_archive@archive.internal:/archive/instruments/
logger -t instruments "processed files moved to archive"
