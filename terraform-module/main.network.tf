# Private endpoints for production (network_mode = private_endpoint, the prod default).
# DNS zones usually live in a central hub, so their IDs are inputs rather than created here.

locals {
  private_endpoints = module.config.network.private_endpoint_enabled ? merge(
    {
      foundry = {
        resource_id  = azurerm_cognitive_account.foundry.id
        subresource  = "account"
        dns_zone_ids = module.config.network.private_dns_zone_ids.foundry
      }
    },
    var.redis_enabled ? {
      redis = {
        resource_id  = azurerm_managed_redis.queue[0].id
        subresource  = "redisEnterprise"
        dns_zone_ids = module.config.network.private_dns_zone_ids.redis
      }
    } : {}
  ) : {}
}

resource "azurerm_private_endpoint" "this" {
  for_each = local.private_endpoints

  name                = "${module.config.names.private_endpoint}-${each.key}"
  location            = local.location
  resource_group_name = data.azurerm_resource_group.this.name
  subnet_id           = module.config.network.private_endpoint_subnet_id

  private_service_connection {
    name                           = "${module.config.names.private_endpoint}-${each.key}"
    private_connection_resource_id = each.value.resource_id
    subresource_names              = [each.value.subresource]
    is_manual_connection           = false
  }

  dynamic "private_dns_zone_group" {
    for_each = length(each.value.dns_zone_ids) > 0 ? [each.value.dns_zone_ids] : []
    content {
      name                 = "default"
      private_dns_zone_ids = private_dns_zone_group.value
    }
  }

  tags = module.config.placement.tags
}
