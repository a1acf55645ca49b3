# A clinic's stores with automated backups turned off, beside replicas, a state-lock table and an
# OVHcloud database (no switch to turn its backups off).

resource "aws_db_instance" "patients" {
  identifier                          = "patients"
  engine                              = "postgres"
  instance_class                      = "db.t3.medium"
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
  manage_master_user_password         = true
  username                            = "clinic_admin"
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  backup_retention_period             = 0
}

resource "aws_db_instance" "patients_reporting" {
  identifier                          = "patients-reporting"
  instance_class                      = "db.t3.medium"
  replicate_source_db                 = aws_db_instance.patients.identifier
  storage_encrypted                   = true
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  backup_retention_period             = 0
}

resource "aws_redshift_cluster" "outcomes" {
  cluster_identifier                  = "outcomes"
  node_type                           = "ra3.xlplus"
  manage_master_password              = true
  master_username                     = "outcomes_admin"
  encrypted                           = true
  automated_snapshot_retention_period = 0
  logging {
    enable               = true
    log_destination_type = "cloudwatch"
    log_exports          = ["connectionlog", "userlog", "useractivitylog"]
  }
}

resource "aws_dynamodb_table" "consents" {
  name         = "consents"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "subject_id"

  attribute {
    name = "subject_id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:eu-west-3:111122223333:key/consents"
  }
}

resource "aws_dynamodb_table" "terraform_lock" {
  name         = "infra-terraform-lock"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }
}

resource "google_sql_database_instance" "appointments" {
  name             = "appointments"
  database_version = "MYSQL_8_0"
  region           = "europe-west9"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
  }
}

resource "google_sql_database_instance" "appointments_replica" {
  name                 = "appointments-replica"
  master_instance_name = google_sql_database_instance.appointments.name
  database_version     = "MYSQL_8_0"
  region               = "europe-west9"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
  }
}

resource "scaleway_rdb_instance" "records" {
  name               = "records"
  node_type          = "DB-GP-XS"
  engine             = "PostgreSQL-15"
  is_ha_cluster      = true
  encryption_at_rest = true
  disable_backup     = true
  private_network {
    pn_id       = "fr-par/11111111-1111-1111-1111-111111111111"
    enable_ipam = true
  }
}

resource "scaleway_mongodb_instance" "documents" {
  name                         = "documents"
  version                      = "7.0.12"
  node_type                    = "MGDB-PLAY2-NANO"
  node_number                  = 1
  is_snapshot_schedule_enabled = false
  private_network {
    pn_id = "fr-par/11111111-1111-1111-1111-111111111111"
  }
}

resource "ovh_cloud_project_database" "billing" {
  service_name = "0123456789abcdef0123456789abcdef"
  description  = "billing"
  engine       = "postgresql"
  version      = "16"
  plan         = "business"
  flavor       = "db1-7"
  backup_time  = "02:00:00"
  nodes {
    region     = "GRA"
    network_id = "11111111-1111-1111-1111-111111111111"
    subnet_id  = "22222222-2222-2222-2222-222222222222"
  }
  nodes {
    region     = "GRA"
    network_id = "11111111-1111-1111-1111-111111111111"
    subnet_id  = "22222222-2222-2222-2222-222222222222"
  }
  ip_restrictions {
    description = "office"
    ip          = "203.0.113.0/24"
  }
}
