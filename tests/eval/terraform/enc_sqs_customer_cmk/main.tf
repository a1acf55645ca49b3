
resource "aws_sqs_queue" "customer_exports" {
  name              = "customer-exports"
  kms_master_key_id = "arn:aws:kms:eu-west-3:111122223333:key/abcd"
}
