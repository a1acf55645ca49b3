
resource "aws_transfer_server" "partners" {
  identity_provider_type = "AWS_LAMBDA"
  function               = "arn:aws:lambda:eu-west-3:111122223333:function:transfer-idp"
  logging_role           = "arn:aws:iam::111122223333:role/transfer-logs"
}
