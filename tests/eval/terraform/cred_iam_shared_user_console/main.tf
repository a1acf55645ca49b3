
resource "aws_iam_user" "shared" {
  name = "shared-lab"
}

resource "aws_iam_user_login_profile" "shared" {
  user                    = aws_iam_user.shared.name
  password_reset_required = false
}
