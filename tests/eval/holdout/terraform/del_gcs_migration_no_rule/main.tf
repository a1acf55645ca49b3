resource "google_storage_bucket" "migration" {
  name                        = "acme-crm-migration"
  location                    = "EU"
  uniform_bucket_level_access = true
}
