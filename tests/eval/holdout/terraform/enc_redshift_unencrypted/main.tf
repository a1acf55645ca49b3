resource "aws_redshift_cluster" "analytics" {
  cluster_identifier     = "analytics"
  database_name          = "dwh"
  master_username        = "dwh_admin"
  manage_master_password = true
  node_type              = "ra3.xlplus"
  cluster_type           = "single-node"
  publicly_accessible    = false
}
