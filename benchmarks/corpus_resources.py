"""Terraform resource texts of the benchmark corpus (benchmarks/corpus.py): one resource of each kind.

Every choice comes from the caller's seeded random generator, in a fixed order, so a seed always gives
the same text.
"""

from __future__ import annotations

import random

CLASSES = ("public", "internal", "personal", "health", "confidential")


def flag(rng: random.Random, p: float = 0.5) -> str:
    """`true` with probability `p`, else `false`."""
    return "true" if rng.random() < p else "false"


def resource(rng: random.Random, name: str, kind: str) -> str:
    """One resource of `kind` named `name`, with seeded settings (some compliant, some not)."""
    r = rng
    cls = r.choice(CLASSES)
    tags = f'merge(local.common_tags, {{ Name = "{name}", data_classification = "{cls}" }})'
    if kind == "bucket":
        text = f'''resource "aws_s3_bucket" "{name}" {{
  bucket = "${{local.prefix}}-{name}"
  tags   = {tags}
}}

resource "aws_s3_bucket_versioning" "{name}" {{
  bucket = aws_s3_bucket.{name}.id
  versioning_configuration {{
    status = "{r.choice(("Enabled", "Suspended"))}"
  }}
}}
'''
        if r.random() < 0.6:
            text += f'''
resource "aws_s3_bucket_server_side_encryption_configuration" "{name}" {{
  bucket = aws_s3_bucket.{name}.id
  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }}
  }}
}}
'''
        if r.random() < 0.5:
            text += f'''
resource "aws_s3_bucket_public_access_block" "{name}" {{
  bucket                  = aws_s3_bucket.{name}.id
  block_public_acls       = {flag(rng, 0.8)}
  block_public_policy     = {flag(rng, 0.8)}
  ignore_public_acls      = true
  restrict_public_buckets = true
}}
'''
        if r.random() < 0.4:
            text += f'''
resource "aws_s3_bucket_lifecycle_configuration" "{name}" {{
  bucket = aws_s3_bucket.{name}.id
  rule {{
    id     = "expire-exports"
    status = "Enabled"
    filter {{ prefix = "exports/" }}
    expiration {{ days = {r.choice((7, 30, 90, 365))} }}
  }}
}}
'''
        return text
    if kind == "database":
        engine = r.choice(("postgres", "mysql"))
        return f'''resource "aws_db_instance" "{name}" {{
  identifier              = "${{local.prefix}}-{name}"
  engine                  = "{engine}"
  instance_class          = var.environment == "prod" ? "db.r6g.large" : "db.t4g.medium"
  allocated_storage       = {r.choice((20, 50, 100, 500))}
  storage_encrypted       = {flag(rng, 0.7)}
  publicly_accessible     = {flag(rng, 0.15)}
  backup_retention_period = {r.choice((0, 7, 14, 35))}
  deletion_protection     = {flag(rng, )}
  username                = "{r.choice(("app", "admin", "postgres", "svc_" + name))}"
  password                = var.db_password
  vpc_security_group_ids  = [aws_security_group.{name}_db.id]
  enabled_cloudwatch_logs_exports = {r.choice(('["postgresql"]', "[]", '["audit", "error"]'))}
  tags                    = {tags}
}}

resource "aws_security_group" "{name}_db" {{
  name   = "${{local.prefix}}-{name}-db"
  vpc_id = var.vpc_id
  ingress {{
    from_port   = {5432 if engine == "postgres" else 3306}
    to_port     = {5432 if engine == "postgres" else 3306}
    protocol    = "tcp"
    cidr_blocks = [{r.choice(('"10.0.0.0/8"', '"0.0.0.0/0"', "var.office_cidr"))}]
  }}
  tags = local.common_tags
}}
'''
    if kind == "network":
        return f'''resource "aws_security_group" "{name}" {{
  name        = "${{local.prefix}}-{name}"
  description = "{name} access"
  vpc_id      = var.vpc_id
  dynamic "ingress" {{
    for_each = var.allowed_ports
    content {{
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [{r.choice(('"10.20.0.0/16"', '"0.0.0.0/0"'))}]
    }}
  }}
  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }}
  tags = local.common_tags
}}

resource "aws_flow_log" "{name}" {{
  count           = var.environment == "prod" ? 1 : 0
  vpc_id          = var.vpc_id
  traffic_type    = "ALL"
  log_destination = var.log_bucket_arn
}}
'''
    if kind == "queue":
        return f'''resource "aws_sqs_queue" "{name}" {{
  name                      = "${{local.prefix}}-{name}"
  message_retention_seconds = {r.choice((86400, 345600, 1209600))}
  sqs_managed_sse_enabled   = {flag(rng, 0.6)}
  tags                      = {tags}
}}

resource "aws_sns_topic" "{name}" {{
  name              = "${{local.prefix}}-{name}-events"
  kms_master_key_id = {r.choice(('var.kms_key_arn', '""'))}
  tags              = local.common_tags
}}
'''
    if kind == "compute":
        return f'''resource "aws_instance" "{name}" {{
  ami                         = var.ami_id
  instance_type               = "{r.choice(("t3.small", "m6i.large", "c6i.xlarge"))}"
  associate_public_ip_address = {flag(rng, 0.2)}
  iam_instance_profile        = var.instance_profile
  root_block_device {{
    encrypted   = {flag(rng, 0.7)}
    volume_size = {r.choice((20, 40, 100))}
  }}
  metadata_options {{
    http_tokens = "{r.choice(("required", "optional"))}"
  }}
  tags = {tags}
}}

resource "aws_ebs_volume" "{name}_data" {{
  availability_zone = var.availability_zone
  size              = {r.choice((50, 200, 1000))}
  encrypted         = {flag(rng, 0.7)}
  tags              = local.common_tags
}}
'''
    if kind == "iam":
        return f'''resource "aws_iam_user" "{name}" {{
  name = "{r.choice(("shared-", "team-", "svc-", "migration-"))}{name}"
  tags = local.common_tags
}}

resource "aws_iam_access_key" "{name}" {{
  user = aws_iam_user.{name}.name
}}

resource "aws_iam_user_policy" "{name}" {{
  name = "{name}-access"
  user = aws_iam_user.{name}.name
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = [{r.choice(('"s3:*"', '"s3:GetObject", "s3:PutObject"', '"rds:*"'))}]
      Resource = "*"
    }}]
  }})
}}
'''
    if kind == "monitoring":
        return f'''resource "aws_cloudtrail" "{name}" {{
  name                          = "${{local.prefix}}-{name}"
  s3_bucket_name                = var.log_bucket
  include_global_service_events = {flag(rng, 0.8)}
  is_multi_region_trail         = {flag(rng, 0.6)}
  enable_log_file_validation    = {flag(rng, 0.6)}
  kms_key_id                    = var.kms_key_arn
  tags                          = local.common_tags
}}

resource "aws_cloudwatch_log_group" "{name}" {{
  name              = "/app/${{local.prefix}}/{name}"
  retention_in_days = {r.choice((0, 14, 90, 400))}
  tags              = local.common_tags
}}
'''
    # messaging / data: dynamodb and kinesis
    return f'''resource "aws_dynamodb_table" "{name}" {{
  name         = "${{local.prefix}}-{name}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {{
    name = "id"
    type = "S"
  }}
  server_side_encryption {{
    enabled = {flag(rng, 0.6)}
  }}
  point_in_time_recovery {{
    enabled = {flag(rng, )}
  }}
  tags = {tags}
}}
'''
