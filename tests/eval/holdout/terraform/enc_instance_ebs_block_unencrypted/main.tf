resource "aws_instance" "fileserver" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "m6i.large"
  root_block_device {
    encrypted   = true
    volume_size = 30
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 500
    volume_type = "gp3"
  }
}
