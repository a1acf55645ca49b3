import paramiko

HOST = "sftp.newlims.example"


def push(local, remote):
    ssh = paramiko.SSHClient()
    ssh.set_missing_host_key_policy(paramiko.RejectPolicy())
    ssh.load_system_host_keys()
    ssh.connect(HOST, username="root", password="S3cure-Sftp!")
    with ssh.open_sftp() as sftp:
        sftp.put(local, remote)
