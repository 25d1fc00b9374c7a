# The current Foundry resource model: one Cognitive Services account of kind AIServices with
# project management enabled, and a project under it (no hub, storage or key vault).

resource "azurerm_cognitive_account" "foundry" {
  name                       = module.config.names.account
  location                   = local.location
  resource_group_name        = data.azurerm_resource_group.this.name
  kind                       = "AIServices"
  sku_name                   = "S0"
  custom_subdomain_name      = module.config.names.custom_subdomain
  project_management_enabled = true

  # Entra ID only: no API keys exist to leak or rotate.
  local_auth_enabled            = false
  public_network_access_enabled = module.config.network.public_network_access_enabled

  identity {
    type = "SystemAssigned"
  }

  dynamic "network_acls" {
    for_each = module.config.network.acl_default_action == null ? [] : [module.config.network]
    content {
      default_action = network_acls.value.acl_default_action
      bypass         = "AzureServices"
      ip_rules       = network_acls.value.allowed_ip_ranges

      dynamic "virtual_network_rules" {
        for_each = toset(network_acls.value.allowed_subnet_ids)
        content {
          subnet_id = virtual_network_rules.value
        }
      }
    }
  }

  tags = module.config.placement.tags
}

resource "azurerm_cognitive_account_project" "agents" {
  name                 = module.config.names.project
  cognitive_account_id = azurerm_cognitive_account.foundry.id
  location             = local.location
  display_name         = "${var.name_prefix} agents (${var.environment})"
  description          = "Agents built with foundry-agents: Agent Service runs grounded with Bing."

  identity {
    type = "SystemAssigned"
  }

  tags = module.config.placement.tags
}
