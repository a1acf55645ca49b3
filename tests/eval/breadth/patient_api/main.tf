# Patient lookup API: the v1 stage has no access logs, the v2 stage has; the function embeds a token.

resource "aws_api_gateway_stage" "v1" {
  rest_api_id   = "abc123"
  deployment_id = "d1"
  stage_name    = "v1"
}

resource "aws_api_gateway_stage" "v2" {
  rest_api_id   = "abc123"
  deployment_id = "d2"
  stage_name    = "v2"

  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-3:111122223333:log-group:api-v2"
    format          = "$context.requestId $context.identity.sourceIp $context.status"
  }
}

resource "aws_lambda_function" "patient_lookup" {
  function_name = "patient-lookup"
  role          = "arn:aws:iam::111122223333:role/lookup"
  runtime       = "python3.12"
  handler       = "lookup.handler"
  filename      = "lookup.zip"

  environment {
    variables = {
      UPSTREAM_URL   = "https://ehr.example.com"
      UPSTREAM_TOKEN = "ghp_8Xk2mPq9R7sT4vW1yZ3aB5cD6eF0gH2iJ4kL"
    }
  }
}
