
resource "aws_db_snapshot" "catalog_pre_upgrade" {
  db_instance_identifier = "product-catalog"
  db_snapshot_identifier = "product-catalog-pre-upgrade"
}
