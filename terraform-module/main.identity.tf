# The identity the app runs as, with the two data-plane roles it needs and nothing wider:
# chat completions on the account, Agent Service on the project.

resource "azurerm_user_assigned_identity" "agents" {
  name                = module.config.names.identity
  location            = local.location
  resource_group_name = data.azurerm_resource_group.this.name
  tags                = module.config.placement.tags
}

resource "azurerm_role_assignment" "openai_user" {
  scope                = azurerm_cognitive_account.foundry.id
  role_definition_name = "Cognitive Services OpenAI User"
  principal_id         = azurerm_user_assigned_identity.agents.principal_id
  principal_type       = "ServicePrincipal"
  description          = "foundry-agents: chat completions on the Foundry resource"
}

resource "azurerm_role_assignment" "ai_user" {
  scope                = azurerm_cognitive_account_project.agents.id
  role_definition_name = "Azure AI User"
  principal_id         = azurerm_user_assigned_identity.agents.principal_id
  principal_type       = "ServicePrincipal"
  description          = "foundry-agents: agents, threads and runs in the project"
}

resource "azurerm_role_assignment" "acr_pull" {
  count = module.config.app.registry_id == null ? 0 : 1

  scope                = module.config.app.registry_id
  role_definition_name = "AcrPull"
  principal_id         = azurerm_user_assigned_identity.agents.principal_id
  principal_type       = "ServicePrincipal"
  description          = "foundry-agents: pull the app image with the managed identity"
}
