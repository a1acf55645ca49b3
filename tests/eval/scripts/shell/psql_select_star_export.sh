#!/bin/bash
# export the comments for the provider (ticket LIMS-412)
OUT=/tmp/comments.csv
psql -d lims -At -F';' -c "SELECT * FROM result_comments WHERE site_id = 3" > "$OUT"
mail -s "comments export" -a "$OUT" it@newlims-provider.com < /dev/null
rm -f "$OUT"
