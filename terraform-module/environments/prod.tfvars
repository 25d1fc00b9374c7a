# Production: production quota, private endpoint, always-on replicas.
# Your site file supplies private_endpoint_subnet_id, container_apps_subnet_id and
# private_dns_zone_ids, which differ per landing zone.

environment = "prod"

deployment_sku     = "GlobalStandard"
gpt4_capacity      = 150 # 150K TPM -> 900 RPM
gpt4_mini_capacity = 300 # 300K TPM -> 1,800 RPM

network_mode = "private_endpoint"

container_min_replicas = 2
container_max_replicas = 10
log_retention_days     = 90
