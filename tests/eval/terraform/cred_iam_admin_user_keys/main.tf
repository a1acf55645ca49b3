
resource "aws_iam_user" "admin" {
  name = "admin"
}

resource "aws_iam_access_key" "admin" {
  user = aws_iam_user.admin.name
}
