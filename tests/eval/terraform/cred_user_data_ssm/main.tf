
resource "aws_instance" "etl" {
  ami           = "ami-0a1b2c3d4e5f60718"
  instance_type = "t3.small"
  root_block_device {
    encrypted = true
  }
  user_data = <<-EOF
    #!/bin/bash
    DB_PASSWORD=$(aws ssm get-parameter --name /etl/db --with-decryption --query Parameter.Value --output text)
    export DB_PASSWORD
    systemctl start etl
  EOF
}
