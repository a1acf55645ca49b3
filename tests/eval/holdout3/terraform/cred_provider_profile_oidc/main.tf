# Credentials come from a named profile / role assumption and Application Default
# Credentials; a profile name or role ARN is not a secret.

variable "aws_profile" {
  type    = string
  default = "acme-prod"
}

provider "aws" {
  region  = "eu-west-3"
  profile = var.aws_profile

  assume_role {
    role_arn     = "arn:aws:iam::111122223333:role/terraform-deployer"
    session_name = "terraform"
  }
}

provider "google" {
  project = "acme-dx-prod"
  region  = "europe-west1"
}

resource "aws_guardduty_detector" "main" {
  enable = true
}
