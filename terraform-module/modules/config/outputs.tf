output "placement" {
  description = "Resource group, region (null: the resource group's) and tags of every resource."
  value = {
    resource_group_name = var.resource_group_name
    location            = var.location
    tags                = var.tags
  }
}

output "names" {
  description = "Resource names derived from name_prefix, environment and name_suffix."
  value       = local.names
}

output "deployments" {
  description = "Model deployments keyed gpt4 / gpt4_mini: name, model, version, sku, capacity, and TPM/RPM (null for provisioned)."
  value       = local.deployments
}

output "network" {
  description = "Network isolation settings for the Foundry resource, its private endpoints (subnet and DNS zones), Redis and the Container Apps environment."
  value       = local.network
}

output "openai_endpoint" {
  description = "Azure OpenAI endpoint of the Foundry resource (AZURE_OPENAI_ENDPOINT)."
  value       = local.openai_endpoint
}

output "project_endpoint" {
  description = "Foundry project endpoint for the Agent Service (PROJECT_ENDPOINT)."
  value       = local.project_endpoint
}

output "bing_connection_id" {
  description = "Project connection ID for Grounding with Bing (BING_CONNECTION_ID), or null when Bing is disabled."
  value       = var.bing_grounding_enabled ? local.bing_connection_id : null
}

output "redis_url" {
  description = "REDIS_URL for the task queue (never contains a password), or null when no Redis is configured."
  value       = local.redis_configured ? local.redis_url : null
}

output "env" {
  description = "Environment variables the Java library reads, ready for a container or any other host. Contains no secrets."
  value       = local.env
}

output "app" {
  description = "The Container App's image, size, port, replicas, registry and log retention, validated."
  value = {
    image              = var.container_image
    cpu                = var.container_cpu
    memory             = var.container_memory
    port               = var.container_port
    min_replicas       = var.container_min_replicas
    max_replicas       = var.container_max_replicas
    registry_server    = var.container_registry_server
    registry_id        = var.container_registry_id
    log_retention_days = var.log_retention_days
  }
}

output "bing_rotation" {
  description = "Rotation counter of the Bing key (bing_key_version): the connection's write-only key is re-sent when it changes."
  value       = var.bing_key_version
}

output "redis_sku_name" {
  description = "Azure Managed Redis SKU, when redis_enabled."
  value       = var.redis_sku_name
}
