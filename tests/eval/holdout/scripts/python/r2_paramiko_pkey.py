import os

import paramiko

key = paramiko.Ed25519Key.from_private_key_file("/etc/lims/sync_ed25519")
ssh = paramiko.SSHClient()
ssh.load_host_keys("/etc/lims/known_hosts")
ssh.connect("sftp.new-lims.example", username="lims_sync_2024", pkey=key)
with ssh.open_sftp() as sftp:
    for name in sftp.listdir("/outbound"):
        print(name)
ssh.close()
