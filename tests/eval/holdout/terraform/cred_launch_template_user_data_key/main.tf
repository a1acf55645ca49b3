resource "aws_launch_template" "sync" {
  name_prefix   = "sync-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = true
    }
  }
  user_data = base64encode(<<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAQ4RT7EXAMPLE9SYN
    export AWS_SECRET_ACCESS_KEY=Zt6Hn1Qe8Wm3Ry5Ux0Vb7Kc4Jd2Fg9Lp6Ao1Se3
    aws s3 sync /data s3://acme-sync/
  EOT
  )
}
