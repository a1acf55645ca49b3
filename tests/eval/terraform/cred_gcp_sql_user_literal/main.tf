
resource "google_sql_user" "etl" {
  name     = "etl"
  instance = "app-pg"
  password = "EtlLoader2024"
}
