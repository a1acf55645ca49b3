# GuardDuty switched by a variable whose default is true, with S3 protection enabled.

variable "guardduty_enabled" {
  type    = bool
  default = true
}

resource "aws_guardduty_detector" "this" {
  enable                       = var.guardduty_enabled
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}

resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.this.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}
