# expect: GG-ENC-011 aws_sns_topic.alerts
resource "aws_sns_topic" "alerts" {
  name = "ops-alerts"
}
