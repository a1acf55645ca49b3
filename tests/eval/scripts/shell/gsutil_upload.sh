#!/bin/bash
gsutil -m cp -r /srv/lims/exports gs://newlims-intake-eu/lab-nord/
