resource "aws_sns_topic" "alerts" {
  name = "ops-alerts"
}
