resource "aws_instance" "export" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  root_block_device {
    encrypted = true
  }
  user_data = <<-EOT
    #!/bin/bash
    export PGPASSWORD='N1ghtly-Exp0rt'
    pg_dump -h db.internal -U exporter orders > /tmp/orders.sql
  EOT
}
