# Long-lived key for the CI publisher handed out through outputs ("sensitive" only hides
# it from the plan).

resource "aws_iam_user" "ci_publisher" {
  name = "ci-publisher"
}

resource "aws_iam_access_key" "ci_publisher" {
  user = aws_iam_user.ci_publisher.name
}

output "ci_access_key_id" {
  value = aws_iam_access_key.ci_publisher.id
}

output "ci_secret_access_key" {
  value     = aws_iam_access_key.ci_publisher.secret
  sensitive = true
}

output "ci_smtp_password" {
  value     = aws_iam_access_key.ci_publisher.ses_smtp_password_v4
  sensitive = true
}
