# expect: GG-CRED-106 6
# expect: GG-CRED-105 6
# expect: GG-ENC-103 6
import mysql.connector

CONFIG = dict(host="oldlims-db", user="team", database="oldlims", password="Team#Lims", ssl_disabled=True)


def connect():
    return mysql.connector.connect(**CONFIG)
