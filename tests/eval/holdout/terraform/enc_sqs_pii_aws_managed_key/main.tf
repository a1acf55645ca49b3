resource "aws_sqs_queue" "signup_events" {
  name              = "signup-events"
  kms_master_key_id = "alias/aws/sqs"
  tags = {
    pii = "true"
  }
}
