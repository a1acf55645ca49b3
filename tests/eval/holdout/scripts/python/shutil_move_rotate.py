import glob
import os
import shutil

INBOX = "/srv/import/inbox"
DONE = "/srv/import/done"

for path in sorted(glob.glob(os.path.join(INBOX, "*.csv.gpg"))):
    shutil.move(path, os.path.join(DONE, os.path.basename(path)))
for old in glob.glob(os.path.join(DONE, "*.csv.gpg")):
    os.replace(old, old + ".processed")
