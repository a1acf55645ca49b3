
resource "aws_iam_user" "team" {
  name = "team-readonly"
  tags = {
    purpose = "placeholder for federation"
  }
}
