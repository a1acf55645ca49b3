
resource "aws_instance" "etl" {
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  root_block_device {
    encrypted = true
  }
  user_data = <<-EOF
    #!/bin/bash
    echo "DB_PASSWORD=Etl2024Secret" >> /etc/environment
    systemctl start etl
  EOF
}
