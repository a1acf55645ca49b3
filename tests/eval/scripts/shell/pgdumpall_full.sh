#!/bin/bash
# expect: GG-DEL-104 5
# expect: GG-ENC-104 5
# expect: GG-MIN-104 5
sudo -u postgres pg_dumpall > /var/backups/cluster.sql
