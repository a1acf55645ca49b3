# Storage encryption omitted (RDS default is false), explicitly off, omitted on DocumentDB
# and Redshift; the Neptune cluster next to them is encrypted.

resource "aws_db_instance" "billing" {
  identifier                      = "billing-pg"
  engine                          = "postgres"
  instance_class                  = "db.t3.medium"
  allocated_storage               = 50
  username                        = "billing_owner"
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}

resource "aws_rds_cluster" "catalog" {
  cluster_identifier              = "catalog-aurora"
  engine                          = "aurora-mysql"
  master_username                 = "catalog_owner"
  manage_master_user_password     = true
  storage_encrypted               = false
  enabled_cloudwatch_logs_exports = ["audit", "error", "slowquery"]
}

resource "random_password" "docdb" {
  length  = 32
  special = false
}

resource "aws_docdb_cluster" "events" {
  cluster_identifier = "events-docdb"
  master_username    = "events_owner"
  master_password    = random_password.docdb.result
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "graph-neptune"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
}

resource "aws_redshift_cluster" "finance_dwh" {
  cluster_identifier     = "finance-dwh"
  node_type              = "ra3.xlplus"
  master_username        = "dwh_admin"
  manage_master_password = true
  publicly_accessible    = false
}
