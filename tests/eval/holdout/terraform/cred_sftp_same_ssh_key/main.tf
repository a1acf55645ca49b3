locals {
  partner_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq7d2b0lJm1Yc0pQyZr5Xw0wJd7Q9s3aKf8bT2nV1uE partner"
}

resource "aws_transfer_ssh_key" "alice" {
  server_id = var.server_id
  user_name = "partner-alice"
  body      = local.partner_key
}

resource "aws_transfer_ssh_key" "bob" {
  server_id = var.server_id
  user_name = "partner-bob"
  body      = local.partner_key
}

variable "server_id" { type = string }
