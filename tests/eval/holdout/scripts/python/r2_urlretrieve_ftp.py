import os
import tempfile
import urllib.request

with tempfile.TemporaryDirectory() as tmp:
    target = os.path.join(tmp, "referential.csv")
    urllib.request.urlretrieve("ftp://ftp.partner-lab.example/pub/referential.csv", target)
    print(os.path.getsize(target))
