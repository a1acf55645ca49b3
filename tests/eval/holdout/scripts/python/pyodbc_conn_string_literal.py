import pyodbc

CONN_STR = "DRIVER={ODBC Driver 18 for SQL Server};SERVER=hr-sql.internal;DATABASE=hr;UID=hr_etl;PWD=Hr#Etl2024;Encrypt=yes"

with pyodbc.connect(CONN_STR) as conn:
    rows = conn.execute("SELECT employee_id, department FROM employees").fetchall()
print(len(rows))
