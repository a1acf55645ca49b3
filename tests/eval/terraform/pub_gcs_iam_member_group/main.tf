
resource "google_storage_bucket_iam_member" "readers" {
  bucket = "acme-downloads"
  role   = "roles/storage.objectViewer"
  member = "group:readers@acme.example"
}
