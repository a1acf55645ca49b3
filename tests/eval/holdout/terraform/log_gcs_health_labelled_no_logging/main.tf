resource "google_storage_bucket" "records" {
  name                        = "acme-records-7f3a"
  location                    = "EU"
  uniform_bucket_level_access = true
  labels = {
    data_classification = "health"
  }
  encryption {
    default_kms_key_name = var.kms_key
  }
}

variable "kms_key" { type = string }
