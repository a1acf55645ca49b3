# A cross-region copy of a file-server snapshot without encryption; a product-search domain whose
# inline access policy lets anyone query it, and one restricted to the office range.

resource "aws_ebs_snapshot_copy" "dr_copy" {
  source_snapshot_id = "snap-0fedcba9876543210"
  source_region      = "eu-west-3"
  description        = "file server DR copy"
}

resource "aws_opensearch_domain" "products" {
  domain_name    = "products"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https = true
  }

  log_publishing_options {
    log_type                 = "INDEX_SLOW_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-3:111122223333:log-group:products"
  }

  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "es:ESHttp*"
      Resource  = "arn:aws:es:eu-west-3:111122223333:domain/products/*"
    }]
  })
}

resource "aws_opensearch_domain_policy" "internal" {
  domain_name = "internal"

  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:ESHttpGet"
      Resource  = "arn:aws:es:eu-west-3:111122223333:domain/internal/*"
      Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
    }]
  })
}
