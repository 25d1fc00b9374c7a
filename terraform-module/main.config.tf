# Names, capacities, network settings and the env var map come from the provider-free
# config module, which validates the inputs and is tested offline (modules/config/tests).

data "azurerm_resource_group" "this" {
  name = module.config.placement.resource_group_name
}

locals {
  location = coalesce(module.config.placement.location, data.azurerm_resource_group.this.location)
}

module "config" {
  source = "./modules/config"

  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags

  name_prefix           = var.name_prefix
  environment           = var.environment
  name_suffix           = var.name_suffix
  custom_subdomain_name = var.custom_subdomain_name

  deployment_sku            = var.deployment_sku
  gpt4_capacity             = var.gpt4_capacity
  gpt4_mini_capacity        = var.gpt4_mini_capacity
  gpt4_model_version        = var.gpt4_model_version
  gpt4_mini_model_version   = var.gpt4_mini_model_version
  gpt4_deployment_name      = var.gpt4_deployment_name
  gpt4_mini_deployment_name = var.gpt4_mini_deployment_name
  openai_api_version        = var.openai_api_version

  network_mode               = var.network_mode
  private_endpoint_subnet_id = var.private_endpoint_subnet_id
  container_apps_subnet_id   = var.container_apps_subnet_id
  allowed_ip_ranges          = var.allowed_ip_ranges
  allowed_subnet_ids         = var.allowed_subnet_ids
  private_dns_zone_ids       = var.private_dns_zone_ids

  container_image           = var.container_image
  container_cpu             = var.container_cpu
  container_memory          = var.container_memory
  container_port            = var.container_port
  container_min_replicas    = var.container_min_replicas
  container_max_replicas    = var.container_max_replicas
  container_registry_server = var.container_registry_server
  container_registry_id     = var.container_registry_id
  log_retention_days        = var.log_retention_days

  bing_grounding_enabled = var.bing_grounding_enabled
  bing_key_version       = var.bing_key_version
  redis_sku_name         = var.redis_sku_name
  redis_enabled          = var.redis_enabled
  external_redis_url     = var.external_redis_url

  # Known once the resources exist; the config module only passes them into the env map.
  identity_client_id = azurerm_user_assigned_identity.agents.client_id
  project_id         = azurerm_cognitive_account_project.agents.id
  redis_hostname     = var.redis_enabled ? azurerm_managed_redis.queue[0].hostname : null
  redis_port         = var.redis_enabled ? azurerm_managed_redis.queue[0].default_database[0].port : null
}
