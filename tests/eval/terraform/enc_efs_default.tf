# expect: GG-ENC-007 aws_efs_file_system.home

resource "aws_efs_file_system" "home" {
  creation_token   = "home"
  performance_mode = "generalPurpose"
}
