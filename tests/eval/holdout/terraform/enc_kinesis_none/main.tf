resource "aws_kinesis_stream" "clicks" {
  name             = "clickstream"
  retention_period = 24
  encryption_type  = "NONE"
  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}
