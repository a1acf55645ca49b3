resource "aws_opensearch_domain" "search" {
  domain_name    = "products"
  engine_version = "OpenSearch_2.11"
  cluster_config {
    instance_type = "r6g.large.search"
  }
  ebs_options {
    ebs_enabled = true
    volume_size = 20
  }
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = true
  }
}
