resource "aws_opensearch_domain" "search" {
  domain_name    = "products"
  engine_version = "OpenSearch_2.11"
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = true
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
