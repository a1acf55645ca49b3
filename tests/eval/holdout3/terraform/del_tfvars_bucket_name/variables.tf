variable "bucket_name" {
  description = "Name of the bucket"
  type        = string
  default     = "acme-app-artifacts"
}
