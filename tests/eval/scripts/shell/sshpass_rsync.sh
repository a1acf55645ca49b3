#!/bin/bash
SRC=/srv/lims/documents/
sshpass -p 'Rsync#2020' rsync -avz "$SRC" migration@newlims-gw:/documents/
