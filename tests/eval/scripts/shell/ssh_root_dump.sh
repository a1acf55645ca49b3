#!/bin/bash
ssh root@oldlims-db "mysqldump oldlims patient sample" | gpg -e -r lims > /srv/in/oldlims.sql.gpg
gpg -d /srv/in/oldlims.sql.gpg | mysql newlims && rm -f /srv/in/oldlims.sql.gpg
