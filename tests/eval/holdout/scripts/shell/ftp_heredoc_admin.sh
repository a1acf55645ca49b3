# expect: GG-ENC-106 6
# expect: GG-CRED-107 7
# expect: GG-CRED-108 7
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
