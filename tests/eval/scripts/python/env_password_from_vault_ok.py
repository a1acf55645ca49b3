import os
import subprocess

import hvac


def dump(table, workdir):
    client = hvac.Client(url=os.environ["VAULT_ADDR"])
    secret = client.secrets.kv.read_secret_version(path="lims/backup")["data"]["data"]
    env = dict(os.environ, PGPASSWORD=secret["password"])
    out = os.path.join(workdir, f"{table}.sql.gpg")
    dump = subprocess.Popen(["pg_dump", "-t", table, "lims"], stdout=subprocess.PIPE, env=env)
    with open(out, "wb") as fh:
        subprocess.run(["gpg", "--encrypt", "-r", "lims-migration"], stdin=dump.stdout, stdout=fh, check=True)
    return out


def cleanup(path):
    os.unlink(path)
