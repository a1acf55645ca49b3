locals {
  volumes = {
    "/dev/xvda" = 40
    "/dev/xvdb" = 200
  }
}

resource "aws_launch_template" "batch" {
  name_prefix   = "batch-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "c6i.xlarge"
  dynamic "block_device_mappings" {
    for_each = local.volumes
    content {
      device_name = block_device_mappings.key
      ebs {
        volume_size = block_device_mappings.value
        encrypted   = true
      }
    }
  }
}
