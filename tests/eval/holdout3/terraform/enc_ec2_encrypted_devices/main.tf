# Every device encrypted; one extra volume restored from an (encrypted) snapshot without
# repeating "encrypted"; EFS encrypted with a CMK.

variable "kms_key_arn" {
  type = string
}

resource "aws_instance" "converter" {
  ami           = "ami-0d71ea30463e0ff8d"
  instance_type = "m6i.large"

  root_block_device {
    encrypted  = true
    kms_key_id = var.kms_key_arn
  }

  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 250
    encrypted   = true
    kms_key_id  = var.kms_key_arn
  }
}

resource "aws_ebs_volume" "work" {
  availability_zone = "eu-west-3b"
  size              = 100
  encrypted         = true
  kms_key_id        = var.kms_key_arn
}

resource "aws_ebs_volume" "reference_data" {
  availability_zone = "eu-west-3b"
  snapshot_id       = "snap-0fedcba9876543210"
}

resource "aws_efs_file_system" "converter" {
  creation_token = "converter-share"
  encrypted      = true
  kms_key_id     = var.kms_key_arn
}
