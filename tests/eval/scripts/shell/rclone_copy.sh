#!/bin/bash
# expect: GG-DEL-104 3
rclone copy /srv/lims/exports newlims-s3:intake/lab-nord --s3-server-side-encryption aws:kms
