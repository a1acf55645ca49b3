# Session cache encrypted at rest only; search domain with storage and node-to-node
# encryption but HTTPS explicitly not enforced.

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "portal-sessions"
  description                = "Portal session store"
  engine                     = "redis"
  node_type                  = "cache.t4g.medium"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
}

resource "aws_opensearch_domain" "catalog_search" {
  domain_name    = "catalog-search"
  engine_version = "OpenSearch_2.11"

  cluster_config {
    instance_type  = "r6g.large.search"
    instance_count = 2
  }

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https = false
  }
}
