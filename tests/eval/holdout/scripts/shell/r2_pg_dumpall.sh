#!/bin/bash
pg_dumpall -h crm-db -U crm_backup > /var/backups/pg/all_$(date +%F).sql
