# Everything the root module derives from its inputs, computed once and tested offline.
# Terraform's || does not short-circuit, so validations in variables.tf wrap nullable
# values in coalesce() before handing them to functions that reject null.

locals {
  subnet_id_pattern = "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/virtualNetworks/[^/]+/subnets/[^/]+$"

  base = join("-", compact([var.name_prefix, var.environment, var.name_suffix]))

  names = {
    account          = "${local.base}-foundry"
    custom_subdomain = coalesce(var.custom_subdomain_name, "${local.base}-foundry")
    project          = "${local.base}-agents"
    identity         = "${local.base}-agents-id"
    log_analytics    = "${local.base}-log"
    container_env    = "${local.base}-cae"
    container_app    = "${local.base}-agents"
    bing_account     = "${local.base}-bing"
    bing_connection  = "${local.base}-bing"
    redis            = "${local.base}-redis"
    private_endpoint = "${local.base}-pe"
  }

  # Azure OpenAI rate limits: 6 requests per minute for every 1,000 tokens per minute.
  # Provisioned (PTU) deployments are not limited by that formula, so TPM/RPM stay null.
  tpm_based = var.deployment_sku != "ProvisionedManaged"

  deployments = {
    for key, d in {
      gpt4      = { name = var.gpt4_deployment_name, model = "gpt-4o", version = var.gpt4_model_version, capacity = var.gpt4_capacity }
      gpt4_mini = { name = var.gpt4_mini_deployment_name, model = "gpt-4o-mini", version = var.gpt4_mini_model_version, capacity = var.gpt4_mini_capacity }
    } :
    key => merge(d, {
      sku = var.deployment_sku
      tpm = local.tpm_based ? d.capacity * 1000 : null
      rpm = local.tpm_based ? d.capacity * 6 : null
    })
  }

  network_mode = coalesce(var.network_mode, var.environment == "prod" ? "private_endpoint" : "public")

  network = {
    mode                          = local.network_mode
    public_network_access_enabled = local.network_mode != "private_endpoint"
    # Private endpoint mode also denies by default, so re-enabling public access later stays closed.
    acl_default_action         = local.network_mode == "public" ? null : "Deny"
    allowed_ip_ranges          = local.network_mode == "network_acls" ? var.allowed_ip_ranges : []
    allowed_subnet_ids         = local.network_mode == "network_acls" ? var.allowed_subnet_ids : []
    private_endpoint_enabled   = local.network_mode == "private_endpoint"
    private_endpoint_subnet_id = var.private_endpoint_subnet_id
    container_apps_subnet_id   = var.container_apps_subnet_id
    private_dns_zone_ids       = var.private_dns_zone_ids
    redis_public_access        = local.network_mode == "private_endpoint" ? "Disabled" : "Enabled"
  }

  # Foundry endpoints follow from the custom subdomain and the project name.
  openai_endpoint  = "https://${local.names.custom_subdomain}.openai.azure.com/"
  project_endpoint = "https://${local.names.custom_subdomain}.services.ai.azure.com/api/projects/${local.names.project}"

  # The Agent Service ignores a malformed connection id silently; this is the documented shape.
  bing_connection_id = "${var.project_id}/connections/${local.names.bing_connection}"

  redis_configured = var.redis_enabled || var.external_redis_url != null
  redis_url        = var.redis_enabled ? "rediss://${coalesce(var.redis_hostname, "-")}:${var.redis_port}" : var.external_redis_url

  # Exactly the variables the Java library reads; keys are decided by inputs known at plan
  # time, so a dynamic "env" block can iterate the map before the resources exist.
  env_all = {
    AZURE_OPENAI_ENDPOINT             = local.openai_endpoint
    AZURE_CLIENT_ID                   = var.identity_client_id
    AZURE_OPENAI_DEPLOYMENT_GPT4      = var.gpt4_deployment_name
    AZURE_OPENAI_DEPLOYMENT_GPT4_MINI = var.gpt4_mini_deployment_name
    AZURE_OPENAI_API_VERSION          = var.openai_api_version
    PROJECT_ENDPOINT                  = local.project_endpoint
    MODEL_DEPLOYMENT_NAME             = var.gpt4_deployment_name
    BING_CONNECTION_ID                = local.bing_connection_id
    REDIS_URL                         = local.redis_url
  }

  optional_env = {
    BING_CONNECTION_ID = var.bing_grounding_enabled
    REDIS_URL          = local.redis_configured
  }

  env = { for name, value in local.env_all : name => value if lookup(local.optional_env, name, true) }
}
