# Press kit opened to allUsers, and a legacy binding to allAuthenticatedUsers (any Google
# account), next to a legitimate group grant.

resource "google_storage_bucket" "press_kit" {
  name                        = "acme-press-kit"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels                      = { data_classification = "public" }
}

resource "google_storage_bucket_iam_member" "public_read" {
  bucket = google_storage_bucket.press_kit.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

resource "google_storage_bucket_iam_binding" "legacy_readers" {
  bucket  = google_storage_bucket.press_kit.name
  role    = "roles/storage.legacyBucketReader"
  members = ["group:press@example.org", "allAuthenticatedUsers"]
}

resource "google_storage_bucket_iam_member" "editors" {
  bucket = google_storage_bucket.press_kit.name
  role   = "roles/storage.objectAdmin"
  member = "group:communications@example.org"
}
