resource "aws_dynamodb_table" "customer_profiles" {
  name         = "customer-profiles"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customer_id"
  attribute {
    name = "customer_id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}
