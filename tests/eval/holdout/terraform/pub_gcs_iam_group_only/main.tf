resource "google_storage_bucket_iam_member" "team" {
  bucket = var.bucket
  role   = "roles/storage.objectViewer"
  member = "group:data-team@example.com"
}

variable "bucket" { type = string }
