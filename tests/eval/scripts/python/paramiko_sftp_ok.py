import os

import paramiko


def push(local, remote):
    ssh = paramiko.SSHClient()
    ssh.load_system_host_keys()
    ssh.connect("sftp.newlims.example", username="lims_intake_nord", key_filename=os.path.expanduser("~/.ssh/lims_intake"))
    with ssh.open_sftp() as sftp:
        sftp.put(local, remote)
    os.remove(local)
