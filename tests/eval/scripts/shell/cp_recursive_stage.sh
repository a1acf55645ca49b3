#!/bin/bash
# expect: GG-DEL-104 4
STAGE=/mnt/stage/lims-$(date +%F)
cp -a /srv/lims/attachments "$STAGE"
chmod -R go-rwx "$STAGE"
