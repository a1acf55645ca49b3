
data "aws_secretsmanager_secret_version" "docdb" {
  secret_id = "prod/docdb/master"
}

resource "aws_docdb_cluster" "docs" {
  cluster_identifier = "docs"
  engine             = "docdb"
  master_username    = "docs"
  master_password    = jsondecode(data.aws_secretsmanager_secret_version.docdb.secret_string)["password"]
  storage_encrypted  = true
}
