# The app: Log Analytics, a Container Apps environment and the Container App running the
# user's image as the user-assigned identity, with the library's env vars and no keys.

resource "azurerm_log_analytics_workspace" "this" {
  name                = module.config.names.log_analytics
  location            = local.location
  resource_group_name = data.azurerm_resource_group.this.name
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
  tags                = var.tags
}

resource "azurerm_container_app_environment" "this" {
  name                       = module.config.names.container_env
  location                   = local.location
  resource_group_name        = data.azurerm_resource_group.this.name
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id
  logs_destination           = "log-analytics"
  infrastructure_subnet_id   = module.config.network.container_apps_subnet_id
  tags                       = var.tags
}

resource "azurerm_container_app" "agents" {
  name                         = module.config.names.container_app
  container_app_environment_id = azurerm_container_app_environment.this.id
  resource_group_name          = data.azurerm_resource_group.this.name
  revision_mode                = "Single"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.agents.id]
  }

  dynamic "registry" {
    for_each = var.container_registry_server == null ? [] : [var.container_registry_server]
    content {
      server   = registry.value
      identity = azurerm_user_assigned_identity.agents.id
    }
  }

  ingress {
    external_enabled           = var.ingress_external_enabled
    target_port                = var.container_port
    transport                  = "auto"
    allow_insecure_connections = false

    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }

  template {
    min_replicas = var.container_min_replicas
    max_replicas = var.container_max_replicas

    container {
      name   = "agents"
      image  = var.container_image
      cpu    = var.container_cpu
      memory = var.container_memory

      dynamic "env" {
        for_each = module.config.env
        content {
          name  = env.key
          value = env.value
        }
      }
    }
  }

  tags = var.tags

  # The first revision starts right away: its identity must already hold its roles.
  depends_on = [
    azurerm_role_assignment.openai_user,
    azurerm_role_assignment.ai_user,
    azurerm_role_assignment.acr_pull,
  ]
}
