resource "google_compute_disk" "db_data" {
  name = "db-data"
  type = "pd-ssd"
  zone = "europe-west9-a"
  size = 500
  labels = {
    data_classification = "health"
  }
  disk_encryption_key {
    kms_key_self_link = google_kms_crypto_key.disk.id
  }
}

resource "google_kms_crypto_key" "disk" {
  name     = "disk"
  key_ring = var.key_ring
}

variable "key_ring" { type = string }
