# Workers launched from a template whose every block device mapping is encrypted.

variable "ebs_kms_key_arn" {
  type = string
}

resource "aws_launch_template" "worker" {
  name_prefix   = "report-worker-"
  image_id      = "ami-0d71ea30463e0ff8d"
  instance_type = "c6i.large"
  user_data     = base64encode("#!/bin/bash\nsystemctl enable --now report-worker\n")

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 40
      encrypted   = true
      kms_key_id  = var.ebs_kms_key_arn
    }
  }

  block_device_mappings {
    device_name = "/dev/xvdb"
    ebs {
      volume_size = 100
      encrypted   = true
      kms_key_id  = var.ebs_kms_key_arn
    }
  }
}

resource "aws_autoscaling_group" "worker" {
  name_prefix         = "report-worker-"
  min_size            = 1
  max_size            = 4
  vpc_zone_identifier = ["subnet-0a1b2c3d", "subnet-0e5f6a7b"]

  launch_template {
    id      = aws_launch_template.worker.id
    version = "$Latest"
  }
}
