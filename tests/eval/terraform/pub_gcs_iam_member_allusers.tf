# expect: GG-PUB-010 google_storage_bucket_iam_member.public

resource "google_storage_bucket_iam_member" "public" {
  bucket = "acme-downloads"
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}
