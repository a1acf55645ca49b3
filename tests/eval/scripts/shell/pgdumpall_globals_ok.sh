#!/bin/bash
# roles only, no data
pg_dumpall --globals-only | gpg -e -r dba > /srv/dba/globals.sql.gpg
rm -f /srv/dba/globals.sql.old
