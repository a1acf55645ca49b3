resource "aws_instance" "export" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.small"
  iam_instance_profile = var.profile
  root_block_device {
    encrypted = true
  }
  user_data = <<-EOT
    #!/bin/bash
    export PGPASSWORD="$(aws secretsmanager get-secret-value --secret-id orders/export --query SecretString --output text)"
    pg_dump -h db.internal -U exporter -t orders orders | gzip > /var/tmp/orders.sql.gz
  EOT
}

variable "profile" { type = string }
