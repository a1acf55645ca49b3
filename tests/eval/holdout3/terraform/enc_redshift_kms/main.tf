# Analytics warehouse: encrypted with a CMK, managed admin password, private.

resource "aws_kms_key" "dwh" {
  description         = "Redshift analytics warehouse"
  enable_key_rotation = true
}

resource "aws_redshift_subnet_group" "dwh" {
  name       = "dwh-private"
  subnet_ids = ["subnet-0c1d2e3f", "subnet-04a5b6c7"]
}

resource "aws_redshift_cluster" "dwh" {
  cluster_identifier        = "analytics-dwh"
  node_type                 = "ra3.xlplus"
  number_of_nodes           = 2
  database_name             = "analytics"
  master_username           = "dwh_admin"
  manage_master_password    = true
  encrypted                 = true
  kms_key_id                = aws_kms_key.dwh.arn
  publicly_accessible       = false
  cluster_subnet_group_name = aws_redshift_subnet_group.dwh.name
  skip_final_snapshot       = false
}
