
resource "aws_launch_configuration" "legacy" {
  name_prefix   = "legacy-"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  root_block_device {
    encrypted = true
  }
}
