
resource "aws_instance" "ftp" {
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.medium"
  subnet_id     = "subnet-0a1b2c3d"
}
