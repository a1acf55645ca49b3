# Order pipeline: DAX cache without encryption, MSK accepting plaintext, Firehose without SSE.

resource "aws_dax_cluster" "catalog" {
  cluster_name       = "catalog"
  iam_role_arn       = "arn:aws:iam::111122223333:role/dax"
  node_type          = "dax.t3.small"
  replication_factor = 3

  server_side_encryption {
    enabled = false
  }
}

resource "aws_msk_cluster" "orders" {
  cluster_name           = "orders"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-0a", "subnet-0b", "subnet-0c"]
    security_groups = ["sg-1"]
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT"
      in_cluster    = true
    }
  }
}

resource "aws_kinesis_firehose_delivery_stream" "orders_archive" {
  name        = "orders-archive"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = "arn:aws:s3:::orders-archive"
  }
}
