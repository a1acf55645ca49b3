
resource "random_password" "app" {
  length = 24
}

resource "google_sql_user" "app" {
  name     = "app"
  instance = "app-pg"
  password = random_password.app.result
}
