# expect: GG-ENC-011 aws_sqs_queue.jobs

resource "aws_sqs_queue" "jobs" {
  name                    = "thumbnail-jobs"
  sqs_managed_sse_enabled = false
}
