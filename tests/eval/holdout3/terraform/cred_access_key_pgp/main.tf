# Unavoidable key for an on-premises uploader: PGP-encrypted for the one operator who
# installs it; only the key id and the encrypted secret are output.

resource "aws_iam_user" "onprem_uploader" {
  name = "onprem-uploader-lyon"
}

resource "aws_iam_access_key" "onprem_uploader" {
  user    = aws_iam_user.onprem_uploader.name
  pgp_key = "keybase:acme_ops_lyon"
}

output "uploader_access_key_id" {
  value = aws_iam_access_key.onprem_uploader.id
}

output "uploader_encrypted_secret" {
  value = aws_iam_access_key.onprem_uploader.encrypted_secret
}
