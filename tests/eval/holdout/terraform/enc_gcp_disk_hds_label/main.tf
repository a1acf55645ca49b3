resource "google_compute_disk" "db_data" {
  name = "db-data"
  type = "pd-ssd"
  zone = "europe-west9-a"
  size = 500
  labels = {
    hds = "true"
  }
}
