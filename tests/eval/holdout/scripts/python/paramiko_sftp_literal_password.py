import os

import paramiko

HOST = "sftp.partner-lab.example"


def send(path: str) -> None:
    transport = paramiko.Transport((HOST, 22))
    transport.connect(username="lims_sync", password="Sync#Lims2022")
    sftp = paramiko.SFTPClient.from_transport(transport)
    try:
        sftp.put(path, "/incoming/" + os.path.basename(path))
    finally:
        sftp.close()
        transport.close()
    os.remove(path)
