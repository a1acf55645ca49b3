#!/bin/bash
set -euo pipefail
cd "$(mktemp -d)"
wget --user=ref_reader --password="$FTP_PASSWORD" ftp://ftp.partner-lab.example/pub/referential.csv
