resource "aws_iam_user" "jdupont" {
  name = "jean.dupont"
}

resource "aws_iam_user_login_profile" "jdupont" {
  user                    = aws_iam_user.jdupont.name
  password_reset_required = true
}
