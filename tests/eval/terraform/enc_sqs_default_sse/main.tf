
resource "aws_sqs_queue" "jobs" {
  name                      = "thumbnail-jobs"
  message_retention_seconds = 86400
}
