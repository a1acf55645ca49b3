
resource "google_compute_disk" "patient_imaging" {
  name = "patient-imaging"
  type = "pd-balanced"
  zone = "europe-west1-b"
  size = 200
  disk_encryption_key {
    kms_key_self_link = "projects/acme/locations/europe-west1/keyRings/hds/cryptoKeys/disks"
  }
}
