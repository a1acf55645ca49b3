resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "recommendations"
  engine                              = "neptune"
  storage_encrypted                   = true
  kms_key_arn                         = aws_kms_key.neptune.arn
  iam_database_authentication_enabled = true
  skip_final_snapshot                 = true
}

resource "aws_kms_key" "neptune" {
  enable_key_rotation = true
}
