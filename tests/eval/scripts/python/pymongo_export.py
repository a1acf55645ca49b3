import json

from pymongo import MongoClient

client = MongoClient("mongodb://admin:Mongo4dmin@mongo.oldlims.local:27017/?authSource=admin")


def export(path):
    docs = client.lims.reports.find({}, {"_id": 0, "patient_id": 1, "report_code": 1})
    with open(path, "w") as out:
        json.dump(list(docs), out)
