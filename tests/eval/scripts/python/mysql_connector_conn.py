import mysql.connector

CONFIG = dict(host="oldlims-db", user="team", database="oldlims", password="Team#Lims", ssl_disabled=True)


def connect():
    return mysql.connector.connect(**CONFIG)
