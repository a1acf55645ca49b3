# The worker fetches its password at boot from SSM Parameter Store with its instance role.

resource "aws_instance" "report_worker" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.medium"
  iam_instance_profile = "report-worker"

  root_block_device {
    volume_size = 40
    encrypted   = true
  }

  user_data = <<-EOT
    #!/bin/bash
    set -euo pipefail
    PGPASSWORD="$(aws ssm get-parameter --name /reports/db/worker --with-decryption --query Parameter.Value --output text)"
    install -m 600 /dev/null /run/report-worker.env
    echo "PGPASSWORD=$PGPASSWORD" > /run/report-worker.env
    systemctl enable --now report-worker.timer
  EOT
}
