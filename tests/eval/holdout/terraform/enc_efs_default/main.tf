resource "aws_efs_file_system" "shared" {
  creation_token   = "shared-home"
  performance_mode = "generalPurpose"
  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }
}
