
resource "aws_dynamodb_table" "patients" {
  name         = "patients"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "patient_id"
  attribute {
    name = "patient_id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}
