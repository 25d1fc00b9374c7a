# Development: small quota, public endpoint, one replica.
# Use with: terraform plan -var-file=environments/dev.tfvars -var-file=<your-site>.tfvars

environment = "dev"

deployment_sku     = "GlobalStandard"
gpt4_capacity      = 30 # 30K TPM  -> 180 RPM
gpt4_mini_capacity = 60 # 60K TPM  -> 360 RPM

network_mode = "public"

container_min_replicas = 0
container_max_replicas = 2
log_retention_days     = 30
