# A "shared-reporting" console user for the whole BI team; a named user with a console
# password; and an old "support" user kept without any credential.

resource "aws_iam_user" "shared_reporting" {
  name = "shared-reporting"
  path = "/bi/"
}

resource "aws_iam_user_login_profile" "shared_reporting" {
  user                    = aws_iam_user.shared_reporting.name
  password_reset_required = false
}

resource "aws_iam_user" "a_martin" {
  name = "a.martin"
  path = "/bi/"
}

resource "aws_iam_user_login_profile" "a_martin" {
  user                    = aws_iam_user.a_martin.name
  password_reset_required = true
}

resource "aws_iam_user" "support" {
  name = "support"
  path = "/legacy/"
  tags = { note = "no credentials, kept for audit history" }
}
