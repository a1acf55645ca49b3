
resource "aws_opensearch_domain" "search" {
  domain_name    = "catalog-search"
  engine_version = "OpenSearch_2.13"
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = true
  }
}
