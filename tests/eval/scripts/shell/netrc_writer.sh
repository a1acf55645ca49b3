#!/bin/bash
cat > ~/.netrc <<EOF
machine ftp.newlims-provider.com login labnord password N0rd-Netrc
EOF
chmod 600 ~/.netrc
