# expect: GG-LOG-005 aws_guardduty_detector.main

resource "aws_guardduty_detector" "main" {
  enable = false
}
