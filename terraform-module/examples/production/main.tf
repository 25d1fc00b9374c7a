# Production: private endpoints for the Foundry resource and Redis, the app in a VNet,
# production capacity, Azure Managed Redis for the task queue, and a private registry
# pulled with the app's managed identity.
#
#   terraform init
#   terraform apply -var-file=../../environments/prod.tfvars \
#     -var container_image=myregistry.azurecr.io/agents-api:1.4.2 \
#     -var container_registry_id=/subscriptions/…/registries/myregistry

terraform {
  required_version = ">= 1.11"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.55, < 5.0"
    }
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.5"
    }
  }
}

provider "azurerm" {
  features {}
}

provider "azapi" {}

variable "container_image" {
  type        = string
  description = "Image of your app, pinned to a tag or digest."
}

variable "container_registry_id" {
  type        = string
  description = "Resource ID of the Azure Container Registry holding the image."
}

variable "location" {
  type        = string
  default     = "swedencentral"
  description = "A region that offers gpt-4o, gpt-4o-mini and Azure Managed Redis."
}

locals {
  # Zones the private endpoints register in. Hub-and-spoke landing zones usually own these
  # centrally; pass their IDs instead of creating them here.
  private_dns_zones = {
    foundry_cognitive = "privatelink.cognitiveservices.azure.com"
    foundry_openai    = "privatelink.openai.azure.com"
    foundry_ai        = "privatelink.services.ai.azure.com"
    redis             = "privatelink.redis.azure.net"
  }
}

resource "azurerm_resource_group" "agents" {
  name     = "rg-agents-prod"
  location = var.location
}

resource "azurerm_virtual_network" "agents" {
  name                = "vnet-agents-prod"
  location            = azurerm_resource_group.agents.location
  resource_group_name = azurerm_resource_group.agents.name
  address_space       = ["10.40.0.0/20"]
}

# A consumption-only Container Apps environment needs a /23 it does not share.
resource "azurerm_subnet" "apps" {
  name                 = "snet-apps"
  resource_group_name  = azurerm_resource_group.agents.name
  virtual_network_name = azurerm_virtual_network.agents.name
  address_prefixes     = ["10.40.0.0/23"]
}

resource "azurerm_subnet" "private_endpoints" {
  name                 = "snet-private-endpoints"
  resource_group_name  = azurerm_resource_group.agents.name
  virtual_network_name = azurerm_virtual_network.agents.name
  address_prefixes     = ["10.40.2.0/24"]
}

resource "azurerm_private_dns_zone" "zones" {
  for_each = local.private_dns_zones

  name                = each.value
  resource_group_name = azurerm_resource_group.agents.name
}

resource "azurerm_private_dns_zone_virtual_network_link" "zones" {
  for_each = local.private_dns_zones

  name                  = "link-${each.key}"
  resource_group_name   = azurerm_resource_group.agents.name
  private_dns_zone_name = azurerm_private_dns_zone.zones[each.key].name
  virtual_network_id    = azurerm_virtual_network.agents.id
}

module "foundry_agents" {
  source = "../../"

  resource_group_name = azurerm_resource_group.agents.name
  name_prefix         = "agents"
  environment         = "prod"
  name_suffix         = "prd"

  # Production quota (environments/prod.tfvars sets the same): 900 / 1,800 RPM.
  gpt4_capacity      = 150
  gpt4_mini_capacity = 300

  network_mode               = "private_endpoint"
  private_endpoint_subnet_id = azurerm_subnet.private_endpoints.id
  container_apps_subnet_id   = azurerm_subnet.apps.id
  private_dns_zone_ids = {
    foundry = [for k in ["foundry_cognitive", "foundry_openai", "foundry_ai"] : azurerm_private_dns_zone.zones[k].id]
    redis   = [azurerm_private_dns_zone.zones["redis"].id]
  }

  container_image           = var.container_image
  container_registry_id     = var.container_registry_id
  container_registry_server = "${reverse(split("/", var.container_registry_id))[0]}.azurecr.io"
  container_cpu             = 1
  container_memory          = "2Gi"
  container_min_replicas    = 2
  container_max_replicas    = 10
  ingress_external_enabled  = false

  redis_enabled = true

  tags = {
    workload    = "agents"
    environment = "prod"
  }
}

output "env" {
  description = "Environment variables the library reads; identical to what the Container App receives."
  value       = module.foundry_agents.env
}

output "deployments" {
  description = "Deployment names with their TPM and RPM limits, for the library's pacing configuration."
  value       = module.foundry_agents.deployments
}
