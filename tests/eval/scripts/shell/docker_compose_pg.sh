#!/bin/bash
docker run -d --name lims-migration-pg -e POSTGRES_PASSWORD=Docker-PG-1 -p 5432:5432 postgres:16
docker exec lims-migration-pg psql -U lims -c "CREATE DATABASE lims"
