#!/bin/bash
sqlcmd -S oldlims-sql -U sa -P 'Sql$erver2019' -d LIMS -Q "SET NOCOUNT ON; SELECT PatientId, Code FROM Results" -o /srv/out/results.txt
rm -f /srv/out/results.prev
