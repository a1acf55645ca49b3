
provider "google" {
  project     = "acme"
  region      = "europe-west1"
  credentials = "keys/terraform-sa.json"
}
