
resource "aws_cloudtrail" "eu" {
  name                       = "eu-only"
  s3_bucket_name             = "org-cloudtrail"
  enable_log_file_validation = true
  is_multi_region_trail      = false
}
