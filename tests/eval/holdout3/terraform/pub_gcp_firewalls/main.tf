# SSH from anywhere, and an old rule allowing every TCP port with no source at all
# (which GCP reads as 0.0.0.0/0). HTTPS from anywhere is fine.

resource "google_compute_firewall" "ssh_any" {
  name          = "allow-ssh-any"
  network       = "default"
  direction     = "INGRESS"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "legacy_allow_tcp" {
  name      = "legacy-allow-tcp"
  network   = "default"
  direction = "INGRESS"
  allow {
    protocol = "tcp"
  }
}

resource "google_compute_firewall" "https" {
  name          = "allow-https"
  network       = "default"
  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["web"]
  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}
