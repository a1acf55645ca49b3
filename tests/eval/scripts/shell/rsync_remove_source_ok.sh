#!/bin/bash
SRC=/srv/lims/outgoing/
rsync -avz --remove-source-files -e "ssh -i /etc/lims/id_rsync" "$SRC" migration@newlims-gw:/incoming/
