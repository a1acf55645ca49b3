# Private database and a DMS replication instance that explicitly opts out of a public IP.

resource "aws_db_instance" "warehouse_src" {
  identifier                          = "erp-mysql"
  engine                              = "mysql"
  instance_class                      = "db.m6g.large"
  allocated_storage                   = 200
  username                            = "erp_owner"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  publicly_accessible                 = false
  enabled_cloudwatch_logs_exports     = ["audit", "error", "general", "slowquery"]
}

resource "aws_dms_replication_instance" "erp_sync" {
  replication_instance_id     = "erp-sync"
  replication_instance_class  = "dms.t3.medium"
  allocated_storage           = 50
  publicly_accessible         = false
  replication_subnet_group_id = "dms-private"
}
