# expect: GG-MIN-104 5
# expect: GG-ENC-104 5
# expect: GG-DEL-104 5
#!/bin/bash
pg_dumpall -h crm-db -U crm_backup > /var/backups/pg/all_$(date +%F).sql
