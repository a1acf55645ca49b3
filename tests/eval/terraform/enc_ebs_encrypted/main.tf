
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-3b"
  size              = 200
  type              = "gp3"
  encrypted         = true
  kms_key_id        = "arn:aws:kms:eu-west-3:111122223333:key/abcd"
}
