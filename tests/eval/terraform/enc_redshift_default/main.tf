
resource "aws_redshift_cluster" "dwh" {
  cluster_identifier     = "dwh"
  node_type              = "ra3.xlplus"
  master_username        = "dwh"
  manage_master_password = true
}
