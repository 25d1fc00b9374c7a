# Everything an app needs to find and call what this module provisions. No output carries a
# key, password or connection string: the app authenticates with its managed identity.

output "env" {
  description = "The environment variables the Java library reads (AZURE_OPENAI_ENDPOINT, AZURE_CLIENT_ID, deployments, API version, PROJECT_ENDPOINT, MODEL_DEPLOYMENT_NAME, BING_CONNECTION_ID, REDIS_URL), ready for any other host."
  value       = module.config.env
}

output "openai_endpoint" {
  description = "Azure OpenAI endpoint of the Foundry resource (AZURE_OPENAI_ENDPOINT)."
  value       = module.config.openai_endpoint
}

output "account_endpoint" {
  description = "Endpoint the provider reports for the Foundry resource (https://<subdomain>.cognitiveservices.azure.com/)."
  value       = azurerm_cognitive_account.foundry.endpoint
}

output "project_endpoint" {
  description = "Foundry project endpoint for the Agent Service (PROJECT_ENDPOINT)."
  value       = module.config.project_endpoint
}

output "account_id" {
  description = "Resource ID of the Foundry resource (Cognitive Services account of kind AIServices)."
  value       = azurerm_cognitive_account.foundry.id
}

output "project_id" {
  description = "Resource ID of the Foundry project."
  value       = azurerm_cognitive_account_project.agents.id
}

output "identity_client_id" {
  description = "Client ID of the app's user-assigned identity (AZURE_CLIENT_ID)."
  value       = azurerm_user_assigned_identity.agents.client_id
}

output "identity_principal_id" {
  description = "Principal (object) ID of the app's identity, for extra role assignments you make yourself."
  value       = azurerm_user_assigned_identity.agents.principal_id
}

output "identity_id" {
  description = "Resource ID of the app's user-assigned identity, to attach it to other hosts."
  value       = azurerm_user_assigned_identity.agents.id
}

output "deployments" {
  description = "Deployment name, model, version, SKU, capacity and the TPM/RPM limits they imply, keyed gpt4 and gpt4_mini."
  value       = module.config.deployments
}

output "bing_connection_id" {
  description = "Project connection ID for Grounding with Bing (BING_CONNECTION_ID), or null when disabled."
  value       = module.config.bing_connection_id
}

output "redis_url" {
  description = "REDIS_URL without credentials (Entra ID auth with the app's identity), or null without Redis."
  value       = module.config.redis_url
}

output "container_app_fqdn" {
  description = "Host name of the Container App's latest revision."
  value       = azurerm_container_app.agents.latest_revision_fqdn
}
