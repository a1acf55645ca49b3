
resource "aws_kinesis_stream" "patient_vitals" {
  name            = "patient-vitals"
  shard_count     = 2
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}
