#!/bin/bash
export PGSSLMODE=verify-full
export PGSSLROOTCERT=/etc/ssl/certs/lims-ca.pem
psql -h legacy-lims -d lims -U lims_ro -c "SELECT count(*) FROM lab_results"
