#!/bin/bash
rclone copy /srv/lims/exports newlims-s3:intake/lab-nord --s3-server-side-encryption aws:kms
