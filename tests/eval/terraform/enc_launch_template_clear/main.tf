
resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "c6g.large"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 50
      volume_type = "gp3"
    }
  }
}
