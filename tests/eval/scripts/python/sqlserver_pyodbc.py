import pyodbc

CONN_STR = (
    "DRIVER={ODBC Driver 18 for SQL Server};SERVER=oldlims-sql;DATABASE=LIMS;"
    "UID=sa;PWD=Sql$erver2019;Encrypt=yes"
)


def connect():
    return pyodbc.connect(CONN_STR)
