
resource "aws_dms_replication_instance" "migration" {
  replication_instance_id     = "lims-migration"
  replication_instance_class  = "dms.c5.large"
  replication_subnet_group_id = "dms-subnets"
  publicly_accessible         = false
}
