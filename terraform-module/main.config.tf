# Names, capacities, network settings and the env var map come from the provider-free
# config module, which validates the inputs and is tested offline (modules/config/tests).

data "azurerm_resource_group" "this" {
  name = var.resource_group_name
}

locals {
  location = coalesce(var.location, data.azurerm_resource_group.this.location)
}

module "config" {
  source = "./modules/config"

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

  bing_grounding_enabled = var.bing_grounding_enabled
  redis_enabled          = var.redis_enabled
  external_redis_url     = var.external_redis_url

  # Known once the resources exist; the config module only passes them into the env map.
  identity_client_id = azurerm_user_assigned_identity.agents.client_id
  project_id         = azurerm_cognitive_account_project.agents.id
  redis_hostname     = var.redis_enabled ? azurerm_managed_redis.queue[0].hostname : null
  redis_port         = var.redis_enabled ? azurerm_managed_redis.queue[0].default_database[0].port : null
}
