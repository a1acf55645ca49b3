resource "google_compute_firewall" "udp" {
  name          = "allow-udp"
  network       = var.network
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "udp"
  }
}

variable "network" { type = string }
