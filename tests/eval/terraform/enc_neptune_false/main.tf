
resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "referrals"
  engine             = "neptune"
  storage_encrypted  = false
}
