
resource "google_storage_bucket" "staging" {
  name                        = "erp-staging"
  location                    = "EU"
  uniform_bucket_level_access = true
  lifecycle_rule {
    condition {
      age = 3
    }
    action {
      type = "Delete"
    }
  }
}
