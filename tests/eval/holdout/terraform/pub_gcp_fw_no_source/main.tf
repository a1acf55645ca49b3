resource "google_compute_firewall" "pg" {
  name    = "allow-postgres"
  network = var.network
  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
  target_tags = ["db"]
}

variable "network" { type = string }
