
resource "aws_elasticsearch_domain" "logs" {
  domain_name           = "app-logs"
  elasticsearch_version = "7.10"
  encrypt_at_rest {
    enabled = true
  }
  domain_endpoint_options {
    enforce_https = true
  }
}
