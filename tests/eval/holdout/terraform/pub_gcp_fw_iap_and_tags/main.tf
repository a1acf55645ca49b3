resource "google_compute_firewall" "iap_ssh" {
  name          = "allow-iap-ssh"
  network       = var.network
  source_ranges = ["35.235.240.0/20"]
  allow {
    protocol = "tcp"
    ports    = ["22", "3389"]
  }
}

resource "google_compute_firewall" "from_bastion" {
  name        = "allow-from-bastion"
  network     = var.network
  source_tags = ["bastion"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "egress" {
  name               = "allow-egress"
  network            = var.network
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "all"
  }
}

variable "network" { type = string }
