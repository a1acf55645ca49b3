
resource "google_compute_firewall" "dbs" {
  name          = "allow-db-range"
  network       = "default"
  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["5000-6000"]
  }
}
