
resource "aws_instance" "app" {
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.medium"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdg"
    volume_size = 500
    encrypted   = false
  }
}
