#!/bin/bash
# expect: GG-DEL-104 3
gsutil -m cp -r /srv/lims/exports gs://newlims-intake-eu/lab-nord/
