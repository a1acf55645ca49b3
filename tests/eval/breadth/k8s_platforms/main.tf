# An EKS cluster logging only api and audit, a GKE cluster with logging off, and a fully logged EKS cluster.

resource "aws_eks_cluster" "apps" {
  name                      = "apps"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api", "audit"]

  vpc_config {
    subnet_ids = ["subnet-0a", "subnet-0b"]
  }
}

resource "aws_eks_cluster" "core" {
  name                      = "core"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids = ["subnet-0a", "subnet-0b"]
  }
}

resource "google_container_cluster" "analytics" {
  name               = "analytics"
  location           = "europe-west9"
  initial_node_count = 1
  logging_service    = "none"
  monitoring_service = "none"
}
