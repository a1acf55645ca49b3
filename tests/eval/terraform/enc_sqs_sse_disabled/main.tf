
resource "aws_sqs_queue" "jobs" {
  name                    = "thumbnail-jobs"
  sqs_managed_sse_enabled = false
}
