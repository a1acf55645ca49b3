bucket_name = "acme-crm-export-2024"
