resource "aws_dms_replication_instance" "migration" {
  replication_instance_id     = "crm-to-aurora"
  replication_instance_class  = "dms.t3.medium"
  allocated_storage           = 50
  publicly_accessible         = false
  replication_subnet_group_id = var.subnet_group
}

variable "subnet_group" { type = string }
