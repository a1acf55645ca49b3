#!/bin/bash
FILE=/data/out/resultats_$(date +%F).csv
ftp -n ftp.newlims-provider.com <<EOF
user labnord N0rd-Ftp
binary
cd incoming
put $FILE
quit
EOF
