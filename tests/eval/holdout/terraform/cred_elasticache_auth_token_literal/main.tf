resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "api-cache"
  description                = "api cache"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = "r3d1s-AuthToken-2024-long-enough"
}
