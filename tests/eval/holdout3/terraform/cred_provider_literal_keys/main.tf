# Someone pasted a deploy user's access key into the provider block "just for the demo".

provider "aws" {
  region     = "eu-west-3"
  access_key = "AKIAQX7TNB4EXAMPLE2Q"
  secret_key = "p3Xv9WmR2kTq8LzN5yHc0fAkEXAMPLEs4Jd7Ub1G"
}

resource "aws_sns_topic" "ops_alerts" {
  name              = "ops-alerts"
  kms_master_key_id = "alias/ops-alerts"
}

resource "aws_sns_topic_subscription" "oncall" {
  topic_arn = aws_sns_topic.ops_alerts.arn
  protocol  = "email"
  endpoint  = "oncall@example.org"
}
