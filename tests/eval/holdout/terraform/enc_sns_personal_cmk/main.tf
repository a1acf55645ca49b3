resource "aws_kms_key" "notifications" {
  enable_key_rotation = true
}

resource "aws_sns_topic" "patient_notifications" {
  name              = "patient-notifications"
  kms_master_key_id = aws_kms_key.notifications.arn
}
