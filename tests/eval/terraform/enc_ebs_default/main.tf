
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-3b"
  size              = 200
  type              = "gp3"
}
