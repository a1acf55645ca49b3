resource "aws_launch_template" "api" {
  name_prefix   = "api-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.medium"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 40
      volume_type = "gp3"
    }
  }
}
