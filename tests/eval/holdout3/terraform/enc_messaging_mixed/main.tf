# SQS queues keep the SSE-SQS default (fine unless personal data); the Kinesis stream uses KMS.

resource "aws_sns_topic" "deploy_events" {
  name = "deploy-events"
}

resource "aws_sqs_queue" "thumbnail_jobs" {
  name                      = "thumbnail-jobs"
  message_retention_seconds = 86400
}

resource "aws_sqs_queue" "referral_intake" {
  name = "referral-intake"
  tags = { data_classification = "health" }
}

resource "aws_dynamodb_table" "consents" {
  name         = "consents"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "subject_id"

  attribute {
    name = "subject_id"
    type = "S"
  }

  tags = { data_classification = "personal" }
}

resource "aws_kinesis_stream" "clickstream" {
  name             = "web-clickstream"
  shard_count      = 1
  encryption_type  = "KMS"
  kms_key_id       = "alias/aws/kinesis"
  retention_period = 24
  tags             = { data_classification = "internal" }
}
