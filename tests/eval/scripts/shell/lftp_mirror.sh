#!/bin/bash
# expect: GG-CRED-107 4
# expect: GG-ENC-106 4
lftp -u labnord,N0rd-Lftp ftp.newlims-provider.com -e "mirror -R /data/out /incoming; quit"
