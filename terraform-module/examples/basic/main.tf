# Smallest useful deployment: a dev environment with public endpoints, both model
# deployments at dev capacity, Bing grounding, and the app on Container Apps.
#
#   terraform init
#   terraform apply -var container_image=myregistry.example/agents-api:1.0.0

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
  description = "Image of your app built with foundry-agents, pinned to a tag."
}

variable "location" {
  type        = string
  default     = "swedencentral"
  description = "A region that offers gpt-4o and gpt-4o-mini as GlobalStandard deployments."
}

resource "azurerm_resource_group" "agents" {
  name     = "rg-agents-dev"
  location = var.location
}

module "foundry_agents" {
  source = "../../"

  resource_group_name = azurerm_resource_group.agents.name
  name_prefix         = "agents"
  environment         = "dev"
  name_suffix         = "demo"
  container_image     = var.container_image
}

output "env" {
  description = "Environment variables for running the app elsewhere, e.g. locally against this Azure."
  value       = module.foundry_agents.env
}

output "app_url" {
  description = "HTTPS address of the app."
  value       = "https://${module.foundry_agents.container_app_fqdn}"
}
