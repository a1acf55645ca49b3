resource "aws_sqs_queue" "jobs_dlq" {
  name = "render-jobs-dlq"
}

resource "aws_sqs_queue" "jobs" {
  name = "render-jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = 5
  })
}
