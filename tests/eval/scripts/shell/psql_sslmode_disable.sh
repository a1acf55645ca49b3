#!/bin/bash
export PGSSLMODE=disable
psql -h legacy-lims -d lims -U lims_ro -c "SELECT count(*) FROM lab_results"
