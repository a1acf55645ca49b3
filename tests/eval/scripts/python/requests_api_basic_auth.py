import requests
from requests.auth import HTTPBasicAuth

API_USER = "lims-import"
API_PASSWORD = "Imp0rt-Basic!"


def push(batch):
    return requests.post("https://api.newlims.example/v1/import", json=batch,
                         auth=HTTPBasicAuth(API_USER, API_PASSWORD), timeout=30)
