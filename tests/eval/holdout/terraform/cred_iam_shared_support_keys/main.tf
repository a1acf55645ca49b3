resource "aws_iam_user" "support" {
  name = "support-desk"
  path = "/ops/"
}

resource "aws_iam_user_login_profile" "support" {
  user                    = aws_iam_user.support.name
  password_reset_required = true
}
