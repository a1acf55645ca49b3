# BI cluster opened to the Internet for a SaaS dashboard vendor; SSL required, logs exported.

resource "aws_redshift_parameter_group" "bi" {
  name   = "bi"
  family = "redshift-1.0"

  parameter {
    name  = "require_ssl"
    value = "true"
  }
}

resource "aws_redshift_cluster" "bi" {
  cluster_identifier           = "bi"
  node_type                    = "ra3.xlplus"
  master_username              = "bi_admin"
  manage_master_password       = true
  encrypted                    = true
  publicly_accessible          = true
  cluster_parameter_group_name = aws_redshift_parameter_group.bi.name

  logging {
    enable               = true
    log_destination_type = "cloudwatch"
    log_exports          = ["connectionlog", "userlog", "useractivitylog"]
  }
}
