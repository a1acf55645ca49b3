resource "aws_cloudtrail" "audit" {
  name                       = "org-audit"
  s3_bucket_name             = var.trail_bucket
  enable_log_file_validation = true
  include_global_service_events = true
}

variable "trail_bucket" { type = string }
