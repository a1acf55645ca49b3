resource "aws_ebs_volume" "restore" {
  availability_zone = "eu-west-3a"
  snapshot_id       = var.snapshot_id
  type              = "gp3"
}

variable "snapshot_id" {
  type = string
}
