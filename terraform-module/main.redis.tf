# Optional Azure Managed Redis for the task queue (off by default): TLS only, access keys off,
# and the app's identity admitted through an Entra ID access policy assignment.

resource "azurerm_managed_redis" "queue" {
  count = var.redis_enabled ? 1 : 0

  name                  = module.config.names.redis
  location              = local.location
  resource_group_name   = data.azurerm_resource_group.this.name
  sku_name              = module.config.redis_sku_name
  public_network_access = module.config.network.redis_public_access

  default_database {
    access_keys_authentication_enabled = false
    client_protocol                    = "Encrypted"
    # One endpoint for standard (non-cluster) clients such as the library's Lettuce client.
    clustering_policy = "EnterpriseCluster"
    # A queue must never lose jobs to eviction.
    eviction_policy = "NoEviction"
  }

  tags = module.config.placement.tags
}

# azurerm_managed_redis_access_policy_assignment only exists from azurerm 4.60; azapi keeps
# the module working on the 4.55 floor, and validates this body against its embedded schema.
resource "azapi_resource" "redis_access" {
  count = var.redis_enabled ? 1 : 0

  type      = "Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments@2025-04-01"
  name      = "foundryagents"
  parent_id = "${azurerm_managed_redis.queue[0].id}/databases/default"

  body = {
    properties = {
      accessPolicyName = "default"
      user = {
        objectId = azurerm_user_assigned_identity.agents.principal_id
      }
    }
  }
}
