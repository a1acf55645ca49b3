
resource "google_compute_firewall" "rdp" {
  name          = "allow-rdp"
  network       = "default"
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }
}
