
resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "referrals"
  engine                              = "neptune"
  storage_encrypted                   = true
  kms_key_arn                         = "arn:aws:kms:eu-west-3:111122223333:key/abcd"
  iam_database_authentication_enabled = true
}
