# One VPC with flow logs, one without; one GCP subnet with flow logs, one without.

resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "REJECT"
  log_destination = "arn:aws:s3:::acme-flow-logs"
  log_destination_type = "s3"
}

resource "aws_vpc" "legacy" {
  cidr_block = "10.2.0.0/16"
}

resource "google_compute_subnetwork" "db" {
  name          = "db"
  ip_cidr_range = "10.20.0.0/24"
  region        = "europe-west9"
  network       = "main"
}

resource "google_compute_subnetwork" "app" {
  name          = "app"
  ip_cidr_range = "10.21.0.0/24"
  region        = "europe-west9"
  network       = "main"

  log_config {
    aggregation_interval = "INTERVAL_10_MIN"
    flow_sampling        = 0.5
  }
}
