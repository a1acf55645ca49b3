#!/bin/bash
# expect: GG-CRED-107 5
# expect: GG-DEL-104 5
SRC=/srv/lims/documents/
sshpass -p 'Rsync#2020' rsync -avz "$SRC" migration@newlims-gw:/documents/
