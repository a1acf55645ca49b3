#!/bin/bash
sudo -u postgres pg_dumpall > /var/backups/cluster.sql
