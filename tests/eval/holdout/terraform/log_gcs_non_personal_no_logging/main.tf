resource "google_storage_bucket" "build_cache" {
  name                        = "acme-build-cache"
  location                    = "EU"
  uniform_bucket_level_access = true
}
