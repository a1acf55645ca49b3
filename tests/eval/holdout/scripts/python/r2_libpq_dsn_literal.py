import psycopg2

conn = psycopg2.connect("host=crm-db dbname=crm user=crm_etl password=Etl2023pw sslmode=require")
print(conn.get_dsn_parameters()["dbname"])
