# gpt-4o and gpt-4o-mini with capacity per environment. Capacity is thousands of TPM for
# Standard/GlobalStandard and PTU for ProvisionedManaged (validated in modules/config).

resource "azurerm_cognitive_deployment" "gpt4" {
  name                 = module.config.deployments.gpt4.name
  cognitive_account_id = azurerm_cognitive_account.foundry.id

  # Keep the pinned model version until Azure retires it, rather than drifting silently.
  version_upgrade_option = "OnceCurrentVersionExpired"

  model {
    format  = "OpenAI"
    name    = module.config.deployments.gpt4.model
    version = module.config.deployments.gpt4.version
  }

  sku {
    name     = module.config.deployments.gpt4.sku
    capacity = module.config.deployments.gpt4.capacity
  }
}

resource "azurerm_cognitive_deployment" "gpt4_mini" {
  name                   = module.config.deployments.gpt4_mini.name
  cognitive_account_id   = azurerm_cognitive_account.foundry.id
  version_upgrade_option = "OnceCurrentVersionExpired"

  model {
    format  = "OpenAI"
    name    = module.config.deployments.gpt4_mini.model
    version = module.config.deployments.gpt4_mini.version
  }

  sku {
    name     = module.config.deployments.gpt4_mini.sku
    capacity = module.config.deployments.gpt4_mini.capacity
  }

  # The account accepts one deployment operation at a time.
  depends_on = [azurerm_cognitive_deployment.gpt4]
}
