
resource "aws_launch_template" "workers" {
  name_prefix   = "workers-"
  image_id      = "ami-0a1b2c3d4e5f60718"
  instance_type = "c6g.large"
}
