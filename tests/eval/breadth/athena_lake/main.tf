# E-commerce data lake: one database and one workgroup without result encryption, one workgroup encrypted.

resource "aws_athena_database" "orders" {
  name   = "orders"
  bucket = "shop-athena-results"
}

resource "aws_athena_workgroup" "adhoc" {
  name = "adhoc"

  configuration {
    result_configuration {
      output_location = "s3://shop-athena-results/adhoc/"
    }
  }
}

resource "aws_athena_workgroup" "finance" {
  name = "finance"

  configuration {
    enforce_workgroup_configuration = true

    result_configuration {
      output_location = "s3://shop-athena-results/finance/"

      encryption_configuration {
        encryption_option = "SSE_S3"
      }
    }
  }
}
