import getpass

import psycopg2

password = getpass.getpass("LIMS password for %s: " % getpass.getuser())
conn = psycopg2.connect(host="lims-db", dbname="lims", user=getpass.getuser(), password=password, sslmode="verify-full")
print(conn.server_version)
