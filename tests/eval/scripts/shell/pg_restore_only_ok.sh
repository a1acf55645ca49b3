#!/bin/bash
set -euo pipefail
# restore the encrypted dump received from the old provider
gpg --decrypt /srv/in/lims.dump.gpg | pg_restore -d lims_new --no-owner
shred -u /srv/in/lims.dump.gpg
