import shutil
import urllib.request

SOURCE = "ftp://files.oldlims.local/outgoing/patients.csv"


def fetch(dest):
    with urllib.request.urlopen(SOURCE) as response, open(dest, "wb") as out:
        shutil.copyfileobj(response, out)
