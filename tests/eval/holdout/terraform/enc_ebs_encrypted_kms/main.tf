resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-3a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_kms_key" "ebs" {
  enable_key_rotation = true
}
