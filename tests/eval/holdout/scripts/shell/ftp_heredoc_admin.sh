#!/bin/bash
FILE=patients_$(date +%Y%m%d).csv.gpg
ftp -n files.partner-lab.example <<END_FTP
user admin Adm1nFtp!
binary
cd incoming
put $FILE
bye
END_FTP
rm -f "$FILE"
