import os

import requests

session = requests.Session()
session.auth = ("svc_export", os.environ["EXPORT_API_PASSWORD"])
session.verify = "/etc/ssl/certs/partner-ca.pem"


def upload(path: str) -> None:
    with open(path, "rb") as fh:
        requests.put("https://dav.partner.example/in/" + os.path.basename(path), data=fh, auth=("svc_export", "Dav#Export9"), timeout=60)
    os.remove(path)
