#!/bin/bash
mysql -h oldlims-db -u lims_ro oldlims -B -e "SELECT * FROM patient p JOIN sample s ON s.patient_id = p.id" > /srv/out/patients.tsv
rm -f /srv/out/*.old
