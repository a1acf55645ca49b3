#!/bin/bash
# expect: GG-DEL-104 8
# expect: GG-ENC-104 8
# expect: GG-MIN-104 8
# expect: GG-DEL-104 9
# expect: GG-CRED-108 9
DUMP=/srv/handover/lims_full.dump
pg_dump -Fc -d lims -f "$DUMP"
scp "$DUMP" admin@newlims-gw:/incoming/
