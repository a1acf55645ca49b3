# Member profiles in DocumentDB (TLS turned off, no audit) and a care-network graph in Neptune.

resource "aws_docdb_cluster_parameter_group" "profiles" {
  family = "docdb5.0"
  name   = "profiles"

  parameter {
    name  = "tls"
    value = "disabled"
  }
}

resource "aws_docdb_cluster" "profiles" {
  cluster_identifier              = "profiles"
  master_username                 = "profiles_admin"
  manage_master_user_password     = true
  storage_encrypted               = true
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.profiles.name
  enabled_cloudwatch_logs_exports = []
}

resource "aws_neptune_cluster" "care_network" {
  cluster_identifier                  = "care-network"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
  enable_cloudwatch_logs_exports      = ["slowquery"]
}

resource "aws_neptune_cluster_instance" "care_network" {
  cluster_identifier  = aws_neptune_cluster.care_network.id
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}
