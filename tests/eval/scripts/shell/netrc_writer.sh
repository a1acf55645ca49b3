#!/bin/bash
# expect: GG-CRED-107 4
cat > ~/.netrc <<EOF
machine ftp.newlims-provider.com login labnord password N0rd-Netrc
EOF
chmod 600 ~/.netrc
