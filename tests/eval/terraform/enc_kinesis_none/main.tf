
resource "aws_kinesis_stream" "events" {
  name             = "clickstream"
  retention_period = 24
  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}
