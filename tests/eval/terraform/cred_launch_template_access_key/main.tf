
resource "aws_launch_template" "sync" {
  name_prefix = "sync-"
  image_id    = "ami-0a1b2c3d4e5f60718"
  user_data   = base64encode(<<-EOF
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    /opt/sync/run.sh
  EOF
  )
}
