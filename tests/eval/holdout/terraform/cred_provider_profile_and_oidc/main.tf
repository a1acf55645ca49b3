provider "aws" {
  region  = "eu-west-3"
  profile = "prod-readonly"
}

provider "azurerm" {
  features {}
  use_oidc = true
}

provider "google" {
  project = "acme-prod"
  region  = "europe-west9"
}
