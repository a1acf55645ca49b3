"""Deliver an encrypted extract over SFTP with a key file, host key checked, then delete it."""
import os
import sys

import paramiko


def deliver(path: str) -> None:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect("sftp.new-lims.example.org", username="acme_delivery", key_filename=os.environ["DELIVERY_KEY_FILE"])
    try:
        sftp = client.open_sftp()
        sftp.put(path, f"/import/{os.path.basename(path)}")
        sftp.close()
    finally:
        client.close()
        os.remove(path)


if __name__ == "__main__":
    deliver(sys.argv[1])
