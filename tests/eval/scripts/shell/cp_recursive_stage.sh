#!/bin/bash
STAGE=/mnt/stage/lims-$(date +%F)
cp -a /srv/lims/attachments "$STAGE"
chmod -R go-rwx "$STAGE"
