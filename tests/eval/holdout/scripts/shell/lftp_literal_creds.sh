#!/bin/bash
set -e
ARCHIVE=/srv/outbound/hr_$(date +%F).tar.gpg
lftp -u hr_sync,Hr#Sync2022 sftp://sftp.payroll.example -e "put $ARCHIVE -o /in/; bye"
rm -f "$ARCHIVE"
