# no finding expected for the Frankfurt region, which keeps default encryption on

provider "aws" {
  region = "eu-west-3"
}

provider "aws" {
  alias  = "frankfurt"
  region = "eu-central-1"
}

resource "aws_ebs_encryption_by_default" "eu_west_3" {
  enabled = false
}

resource "aws_ebs_encryption_by_default" "frankfurt" {
  provider = aws.frankfurt
  enabled  = true
}
