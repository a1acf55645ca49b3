# A CodeBuild job that exports the CRM every night, artifacts unencrypted, logs kept forever.

resource "aws_cloudwatch_log_group" "nightly_export" {
  name = "/codebuild/nightly-export"
}

resource "aws_codebuild_project" "nightly_export" {
  name         = "nightly-export"
  service_role = "arn:aws:iam::111122223333:role/codebuild"

  artifacts {
    type                = "S3"
    location            = "crm-exports"
    encryption_disabled = true
    packaging           = "ZIP"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  logs_config {
    cloudwatch_logs {
      group_name = aws_cloudwatch_log_group.nightly_export.name
    }
  }

  source {
    type     = "GITHUB"
    location = "https://github.com/example/crm-export.git"
  }
}
