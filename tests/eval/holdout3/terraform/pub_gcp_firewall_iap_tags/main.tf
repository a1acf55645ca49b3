# SSH only through IAP, PostgreSQL only from instances tagged "api" (source tags, no
# source ranges), and an egress rule to anywhere.

resource "google_compute_firewall" "ssh_iap" {
  name          = "allow-ssh-iap"
  network       = "vpc-main"
  direction     = "INGRESS"
  source_ranges = ["35.235.240.0/20"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "pg_from_api" {
  name        = "allow-pg-from-api"
  network     = "vpc-main"
  direction   = "INGRESS"
  source_tags = ["api"]
  target_tags = ["db"]
  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}

resource "google_compute_firewall" "egress_all" {
  name               = "allow-egress"
  network            = "vpc-main"
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "all"
  }
}
