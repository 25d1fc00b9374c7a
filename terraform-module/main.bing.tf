# Grounding with Bing Search: the Microsoft.Bing account (not in azurerm, hence azapi) and a
# project-level connection the Agent Service resolves from BING_CONNECTION_ID.
# The account key is read by an ephemeral action and written through a write-only argument,
# so it never reaches plan files, state or outputs.

resource "azapi_resource" "bing" {
  count = var.bing_grounding_enabled ? 1 : 0

  type      = "Microsoft.Bing/accounts@2020-06-10"
  name      = module.config.names.bing_account
  parent_id = data.azurerm_resource_group.this.id
  location  = "global"

  body = {
    kind = "Bing.Grounding"
    sku = {
      name = "G1"
    }
    properties = {
      statisticsEnabled = false
    }
  }

  # Microsoft.Bing is missing from azapi's embedded schemas; tools/schema-check.js checks
  # this body against the documented shape instead.
  schema_validation_enabled = false
  response_export_values    = ["properties.endpoint"]
  tags                      = module.config.placement.tags
}

ephemeral "azapi_resource_action" "bing_keys" {
  count = var.bing_grounding_enabled ? 1 : 0

  type                   = "Microsoft.Bing/accounts@2020-06-10"
  resource_id            = azapi_resource.bing[0].id
  action                 = "listKeys"
  response_export_values = ["key1"]
}

resource "azapi_resource" "bing_connection" {
  count = var.bing_grounding_enabled ? 1 : 0

  type      = "Microsoft.CognitiveServices/accounts/projects/connections@2025-09-01"
  name      = module.config.names.bing_connection
  parent_id = azurerm_cognitive_account_project.agents.id

  body = {
    properties = {
      # The category names the authentication method, not the service: ApiKey, not BingGrounding.
      category      = "ApiKey"
      authType      = "ApiKey"
      target        = azapi_resource.bing[0].output.properties.endpoint
      isSharedToAll = false
      metadata = {
        ApiType    = "Azure"
        Location   = azapi_resource.bing[0].location
        ResourceId = azapi_resource.bing[0].id
      }
    }
  }

  sensitive_body = {
    properties = {
      credentials = {
        key = ephemeral.azapi_resource_action.bing_keys[0].output.key1
      }
    }
  }
  # Bump bing_key_version after rotating the Bing key to send the new one.
  sensitive_body_version = {
    "properties.credentials.key" = tostring(module.config.bing_rotation)
  }

  # Connections fail azapi's embedded schema validation (Microsoft's samples and the AVM
  # Foundry module turn it off too); tools/schema-check.js checks the body against the
  # Azure SDK's model of this API version instead.
  schema_validation_enabled = false
}
