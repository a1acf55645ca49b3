# Personal-data messaging all on one customer-managed key: SNS, SQS, Kinesis, DynamoDB.

resource "aws_kms_key" "messaging" {
  description         = "Messaging CMK"
  enable_key_rotation = true
}

locals {
  personal = { data_classification = "personal" }
}

resource "aws_sns_topic" "appointment_reminders" {
  name              = "appointment-reminders"
  kms_master_key_id = aws_kms_key.messaging.id
  tags              = local.personal
}

resource "aws_sqs_queue" "appointment_reminders" {
  name              = "appointment-reminders"
  kms_master_key_id = aws_kms_key.messaging.id
  tags              = local.personal
}

resource "aws_kinesis_stream" "portal_events" {
  name            = "portal-events"
  shard_count     = 2
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.messaging.arn
  tags            = local.personal
}

resource "aws_dynamodb_table" "subscriptions" {
  name         = "reminder-subscriptions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "subscriber_id"

  attribute {
    name = "subscriber_id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.messaging.arn
  }

  tags = local.personal
}
