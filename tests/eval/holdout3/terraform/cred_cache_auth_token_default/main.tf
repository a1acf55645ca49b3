# Redis AUTH token "parameterised" with a literal default.

variable "redis_auth_token" {
  type      = string
  sensitive = true
  default   = "r3dis-AUTH-token-portal-2024-q1"
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "portal-sessions"
  description                = "Portal sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.redis_auth_token
}
