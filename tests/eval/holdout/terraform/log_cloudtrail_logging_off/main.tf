resource "aws_cloudtrail" "audit" {
  name                       = "org-audit"
  s3_bucket_name             = var.trail_bucket
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = false
}

variable "trail_bucket" { type = string }
