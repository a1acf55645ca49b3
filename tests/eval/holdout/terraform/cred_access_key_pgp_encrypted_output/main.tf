resource "aws_iam_user" "deploy" {
  name = "ci-deploy"
}

resource "aws_iam_access_key" "deploy" {
  user    = aws_iam_user.deploy.name
  pgp_key = "keybase:acme_ops"
}

output "deploy_secret_encrypted" {
  value = aws_iam_access_key.deploy.encrypted_secret
}
