# Nightly report worker bootstraps its database access with a password in user data.

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
    cat >> /etc/environment <<'ENV'
    PGHOST=reports-db.internal.example.org
    PGUSER=report_worker
    PGPASSWORD=Rw-nightly#4471
    ENV
    systemctl enable --now report-worker.timer
  EOT

  tags = { Name = "report-worker" }
}
