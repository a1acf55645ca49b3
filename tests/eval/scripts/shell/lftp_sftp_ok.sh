#!/bin/bash
set -eu
lftp -e "set sftp:connect-program 'ssh -a -x -i /etc/lims/id_intake'; mirror -R --Remove-source-files /data/out /incoming; quit" sftp://lims_intake_nord@sftp.newlims-provider.com
