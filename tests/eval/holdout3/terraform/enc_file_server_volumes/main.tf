# File gateway: encrypted root disk but a data device without encryption, an unencrypted
# scratch volume and EFS share. The volume restored from a snapshot inherits its encryption.

variable "subnet_id" {
  type = string
}

resource "aws_instance" "sftp_gateway" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.large"
  subnet_id     = var.subnet_id

  root_block_device {
    volume_size = 30
    encrypted   = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 500
    volume_type = "gp3"
  }
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-3a"
  size              = 200
  type              = "gp3"
}

resource "aws_ebs_volume" "restored" {
  availability_zone = "eu-west-3a"
  snapshot_id       = "snap-0a1b2c3d4e5f67890"
}

resource "aws_efs_file_system" "shared" {
  creation_token   = "gateway-shared"
  performance_mode = "generalPurpose"
}
