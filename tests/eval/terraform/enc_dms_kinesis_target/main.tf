
resource "aws_dms_endpoint" "stream" {
  endpoint_id   = "cdc-stream"
  endpoint_type = "target"
  engine_name   = "kinesis"
  kinesis_settings {
    stream_arn              = "arn:aws:kinesis:eu-west-3:111122223333:stream/cdc"
    service_access_role_arn = "arn:aws:iam::111122223333:role/dms-kinesis"
  }
}
