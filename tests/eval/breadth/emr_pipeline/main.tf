# Claims processing on EMR: at-rest encryption for S3 only, nothing for local disks or the network.

resource "aws_emr_security_configuration" "claims" {
  name = "claims"

  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableInTransitEncryption = false
      EnableAtRestEncryption    = true
      AtRestEncryptionConfiguration = {
        S3EncryptionConfiguration = {
          EncryptionMode = "SSE-KMS"
          AwsKmsKey      = "arn:aws:kms:eu-west-3:111122223333:key/claims"
        }
      }
    }
  })
}
