
resource "google_storage_bucket_access_control" "public" {
  bucket = "acme-downloads"
  role   = "READER"
  entity = "allUsers"
}
