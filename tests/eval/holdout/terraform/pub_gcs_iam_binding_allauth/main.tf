resource "google_storage_bucket_iam_binding" "readers" {
  bucket = var.bucket
  role   = "roles/storage.objectViewer"
  members = [
    "group:data-team@example.com",
    "allAuthenticatedUsers",
  ]
}

variable "bucket" { type = string }
