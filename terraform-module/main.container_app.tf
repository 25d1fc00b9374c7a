# The app: Log Analytics, a Container Apps environment and the Container App running the
# user's image as the user-assigned identity, with the library's env vars and no keys.

resource "azurerm_log_analytics_workspace" "this" {
  name                = module.config.names.log_analytics
  location            = local.location
  resource_group_name = data.azurerm_resource_group.this.name
  sku                 = "PerGB2018"
  retention_in_days   = module.config.app.log_retention_days
  tags                = module.config.placement.tags
}

resource "azurerm_container_app_environment" "this" {
  name                       = module.config.names.container_env
  location                   = local.location
  resource_group_name        = data.azurerm_resource_group.this.name
  log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id
  logs_destination           = "log-analytics"
  infrastructure_subnet_id   = module.config.network.container_apps_subnet_id
  tags                       = module.config.placement.tags
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
    for_each = module.config.app.registry_server == null ? [] : [module.config.app.registry_server]
    content {
      server   = registry.value
      identity = azurerm_user_assigned_identity.agents.id
    }
  }

  ingress {
    external_enabled           = var.ingress_external_enabled
    target_port                = module.config.app.port
    transport                  = "auto"
    allow_insecure_connections = false

    traffic_weight {
      latest_revision = true
      percentage      = 100
    }
  }

  template {
    min_replicas = module.config.app.min_replicas
    max_replicas = module.config.app.max_replicas

    container {
      name   = "agents"
      image  = module.config.app.image
      cpu    = module.config.app.cpu
      memory = module.config.app.memory

      dynamic "env" {
        for_each = module.config.env
        content {
          name  = env.key
          value = env.value
        }
      }
    }
  }

  tags = module.config.placement.tags

  # The first revision starts right away: its identity must already hold its roles.
  depends_on = [
    azurerm_role_assignment.openai_user,
    azurerm_role_assignment.ai_user,
    azurerm_role_assignment.acr_pull,
  ]
}
