resource "aws_sqs_queue" "jobs" {
  name                       = "render-jobs"
  visibility_timeout_seconds = 120
  sqs_managed_sse_enabled    = false
}
