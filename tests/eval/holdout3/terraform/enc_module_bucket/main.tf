# The archive bucket comes from a local module that always applies a CMK, access logging
# and a public access block; the root module only supplies the key, the name and tags.

resource "aws_kms_key" "archive" {
  description         = "Report archive CMK"
  enable_key_rotation = true
}

module "report_archive" {
  source      = "./modules/secure_bucket"
  name        = "acme-dx-report-archive"
  kms_key_arn = aws_kms_key.archive.arn
  log_bucket  = "acme-central-s3-access-logs"
  tags        = { data_classification = "health", cost_center = "dx-042" }
}

output "archive_bucket_arn" {
  value = module.report_archive.arn
}
