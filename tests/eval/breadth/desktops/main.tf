# Virtual desktops for nurses (defaults: both volumes unencrypted) and a hardened one for the DPO.

resource "aws_workspaces_workspace" "nurse" {
  directory_id = "d-90670b1234"
  bundle_id    = "wsb-bh8rsxt14"
  user_name    = "nurse01"

  workspace_properties {
    running_mode = "AUTO_STOP"
  }
}

resource "aws_workspaces_workspace" "dpo" {
  directory_id                   = "d-90670b1234"
  bundle_id                      = "wsb-bh8rsxt14"
  user_name                      = "dpo"
  root_volume_encryption_enabled = true
  user_volume_encryption_enabled = true
  volume_encryption_key          = "arn:aws:kms:eu-west-3:111122223333:key/workspaces"
}
