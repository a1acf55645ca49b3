#!/bin/bash
DUMP=/srv/handover/lims_full.dump
pg_dump -Fc -d lims -f "$DUMP"
scp "$DUMP" admin@newlims-gw:/incoming/
