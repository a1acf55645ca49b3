
resource "google_storage_bucket" "inbox" {
  name                        = "partner-inbox"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels = {
    purpose = "transfer"
  }
}
