# Generated password, copied only into Secrets Manager and a Kubernetes secret (secret
# stores), IAM database authentication for people.

resource "random_password" "app" {
  length           = 32
  override_special = "!#%*-_"
}

resource "aws_db_instance" "portal" {
  identifier                          = "portal-pg"
  engine                              = "postgres"
  instance_class                      = "db.t3.large"
  allocated_storage                   = 100
  username                            = "portal_owner"
  password                            = random_password.app.result
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  enabled_cloudwatch_logs_exports     = ["postgresql", "upgrade"]
}

resource "aws_secretsmanager_secret" "portal_db" {
  name = "portal/db-owner"
}

resource "aws_secretsmanager_secret_version" "portal_db" {
  secret_id     = aws_secretsmanager_secret.portal_db.id
  secret_string = jsonencode({ username = "portal_owner", password = random_password.app.result })
}

resource "kubernetes_secret" "portal_db" {
  metadata {
    name      = "portal-db"
    namespace = "portal"
  }
  data = {
    password = random_password.app.result
  }
}
