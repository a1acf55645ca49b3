# Copies left reachable: a snapshot shared with every account, an unencrypted cluster snapshot,
# an archive vault readable by anyone, a public message broker.

resource "aws_db_snapshot" "migration_copy" {
  db_instance_identifier = "legacy-erp"
  db_snapshot_identifier = "legacy-erp-migration"
  shared_accounts        = ["all"]
}

resource "aws_db_snapshot" "dr_copy" {
  db_instance_identifier = "legacy-erp"
  db_snapshot_identifier = "legacy-erp-dr"
  shared_accounts        = ["222233334444"]
}

resource "aws_db_cluster_snapshot" "pre_upgrade" {
  db_cluster_identifier          = "erp"
  db_cluster_snapshot_identifier = "erp-pre-upgrade"
}

resource "aws_glacier_vault" "closed_files" {
  name = "closed-files"

  access_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
      Resource  = "arn:aws:glacier:eu-west-3:111122223333:vaults/closed-files"
    }]
  })
}

resource "aws_mq_broker" "notifications" {
  broker_name         = "notifications"
  engine_type         = "ActiveMQ"
  engine_version      = "5.17.6"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = true

  user {
    username = "app"
    password = var.broker_password
  }

  logs {
    general = true
    audit   = true
  }
}

variable "broker_password" {
  type      = string
  sensitive = true
}
