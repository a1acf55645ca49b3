#!/bin/bash
lftp -u labnord,N0rd-Lftp ftp.newlims-provider.com -e "mirror -R /data/out /incoming; quit"
