
resource "google_storage_bucket" "dumps" {
  name                        = "erp-db-dumps"
  location                    = "EU"
  uniform_bucket_level_access = true
}
