
resource "aws_efs_file_system" "home" {
  creation_token   = "home"
  performance_mode = "generalPurpose"
}
