import requests

API = "https://api.newlims.example/v1/import"


def push(batch, token):
    resp = requests.post(API, json=batch, headers={"Authorization": f"Bearer {token}"}, verify=False, timeout=30)
    resp.raise_for_status()
