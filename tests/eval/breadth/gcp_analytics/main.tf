# Public-health analytics: one dataset shared with all users, one patient dataset on Google keys.

resource "google_bigquery_dataset" "open_data_extract" {
  dataset_id = "open_data_extract"
  location   = "EU"

  access {
    role          = "READER"
    special_group = "allUsers"
  }
}

resource "google_bigquery_dataset" "patient_outcomes" {
  dataset_id = "patient_outcomes"
  location   = "EU"

  access {
    role          = "OWNER"
    user_by_email = "analytics-sa@acme.iam.gserviceaccount.com"
  }
}

resource "google_bigquery_dataset" "reference_tables" {
  dataset_id = "reference_tables"
  location   = "EU"
}

resource "google_redis_instance" "cache" {
  name           = "cache"
  memory_size_gb = 2
  region         = "europe-west9"
}
