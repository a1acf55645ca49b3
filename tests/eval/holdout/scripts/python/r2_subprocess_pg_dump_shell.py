import subprocess

subprocess.run("pg_dump -h crm-db -U crm_backup -d crm > /srv/backups/crm.sql", shell=True, check=True)
