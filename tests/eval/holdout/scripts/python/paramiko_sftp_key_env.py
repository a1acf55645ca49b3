import os

import paramiko


def send(path: str) -> None:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(
        os.environ["PARTNER_SFTP_HOST"],
        username=os.environ["PARTNER_SFTP_USER"],
        key_filename=os.path.expanduser("~/.ssh/partner_ed25519"),
        passphrase=os.environ.get("PARTNER_KEY_PASSPHRASE"),
    )
    with client.open_sftp() as sftp:
        sftp.put(path, f"/incoming/{os.path.basename(path)}")
    client.close()
    os.remove(path)
