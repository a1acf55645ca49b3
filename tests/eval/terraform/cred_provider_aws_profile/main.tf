
provider "aws" {
  region  = "eu-west-3"
  profile = "lab-prod"
}
