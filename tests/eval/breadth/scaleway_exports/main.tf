# A hospital's data exchange at Scaleway: the export bucket expires only one folder, the scans bucket is
# encrypted through a configuration that names it literally, the invoices bucket is not encrypted.

resource "scaleway_object_bucket" "patient_export" {
  name   = "chu-patient-export"
  region = "fr-par"

  lifecycle_rule {
    id      = "expire-daily"
    prefix  = "daily/"
    enabled = true

    expiration {
      days = 3
    }
  }
}

resource "scaleway_object_bucket_server_side_encryption_configuration" "patient_export" {
  bucket = scaleway_object_bucket.patient_export.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "scaleway_object_bucket" "scans" {
  name   = "chu-imaging-scans"
  region = "fr-par"
}

resource "scaleway_object_bucket_server_side_encryption_configuration" "scans" {
  bucket = "fr-par/chu-imaging-scans"

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "scaleway_object_bucket" "invoices" {
  name   = "chu-invoices"
  region = "fr-par"
}

# A transfer bucket whose whole content expires after a week: nothing to report but its encryption.
resource "scaleway_object_bucket" "lab_transfer" {
  name   = "chu-lab-transfer"
  region = "fr-par"

  lifecycle_rule {
    id      = "expire-all"
    enabled = true

    expiration {
      days = 7
    }
  }
}

resource "scaleway_object_bucket_server_side_encryption_configuration" "lab_transfer" {
  bucket = scaleway_object_bucket.lab_transfer.name

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
