
resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "org-cloudtrail"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = "arn:aws:kms:eu-west-3:111122223333:key/abcd"
}
