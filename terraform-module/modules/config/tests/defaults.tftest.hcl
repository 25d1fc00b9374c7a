# Defaults (dev) produce the names, capacities, endpoints and env vars the library expects.

variables {
  resource_group_name = "rg-agents"
  container_image     = "myregistry.azurecr.io/agents-api:1.0.0"
  name_prefix         = "agents"
  environment         = "dev"
  identity_client_id  = "00000000-0000-0000-0000-0000000000c1"
  project_id          = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-dev-foundry/projects/agents-dev-agents"
}

run "names_follow_prefix_and_environment" {
  command = plan

  assert {
    condition     = output.names.account == "agents-dev-foundry" && output.names.custom_subdomain == "agents-dev-foundry"
    error_message = "account and subdomain names should be <prefix>-<env>-foundry, got ${output.names.account} / ${output.names.custom_subdomain}"
  }

  assert {
    condition     = output.names.project == "agents-dev-agents" && output.names.container_app == "agents-dev-agents"
    error_message = "project and container app names should be <prefix>-<env>-agents"
  }

  assert {
    condition     = alltrue([for n in values(output.names) : length(n) <= 32])
    error_message = "every generated name must fit the tightest Azure limit we use (container apps: 32 characters)"
  }
}

run "name_suffix_and_subdomain_override" {
  command = plan

  variables {
    name_suffix           = "x7k"
    custom_subdomain_name = "contoso-agents"
  }

  assert {
    condition     = output.names.account == "agents-dev-x7k-foundry"
    error_message = "name_suffix should be part of every name, got ${output.names.account}"
  }

  assert {
    condition     = output.openai_endpoint == "https://contoso-agents.openai.azure.com/"
    error_message = "endpoints should use the custom subdomain override, got ${output.openai_endpoint}"
  }
}

run "endpoints_use_the_custom_subdomain" {
  command = plan

  assert {
    condition     = output.openai_endpoint == "https://agents-dev-foundry.openai.azure.com/"
    error_message = "AZURE_OPENAI_ENDPOINT should be https://{subdomain}.openai.azure.com/, got ${output.openai_endpoint}"
  }

  assert {
    condition     = output.project_endpoint == "https://agents-dev-foundry.services.ai.azure.com/api/projects/agents-dev-agents"
    error_message = "PROJECT_ENDPOINT should be https://{subdomain}.services.ai.azure.com/api/projects/{project}, got ${output.project_endpoint}"
  }
}

run "dev_capacity_and_rate_limits" {
  command = plan

  assert {
    condition     = output.deployments.gpt4.capacity == 30 && output.deployments.gpt4_mini.capacity == 60
    error_message = "dev defaults should be 30K / 60K TPM"
  }

  assert {
    condition     = output.deployments.gpt4.tpm == 30000 && output.deployments.gpt4.rpm == 180
    error_message = "30K TPM should allow 180 RPM (6 per 1,000 TPM), got ${output.deployments.gpt4.rpm}"
  }

  assert {
    condition     = output.deployments.gpt4_mini.rpm == 360 && output.deployments.gpt4.sku == "GlobalStandard"
    error_message = "gpt-4o-mini at 60K TPM should allow 360 RPM on GlobalStandard"
  }

  assert {
    condition     = output.deployments.gpt4.model == "gpt-4o" && output.deployments.gpt4.version == "2024-11-20" && output.deployments.gpt4_mini.version == "2024-07-18"
    error_message = "default model versions should be gpt-4o 2024-11-20 and gpt-4o-mini 2024-07-18"
  }
}

run "dev_stays_publicly_reachable" {
  command = plan

  assert {
    condition     = output.network.mode == "public" && output.network.public_network_access_enabled && output.network.acl_default_action == null
    error_message = "dev should default to public access without a deny ACL"
  }

  assert {
    condition     = !output.network.private_endpoint_enabled
    error_message = "dev should not create private endpoints by default"
  }
}

run "null_inputs_take_the_module_defaults" {
  command = plan

  # The root module passes its unset variables as null; the defaults here must apply.
  variables {
    gpt4_capacity          = null
    deployment_sku         = null
    openai_api_version     = null
    bing_grounding_enabled = null
  }

  assert {
    condition     = output.deployments.gpt4.capacity == 30 && output.deployments.gpt4.sku == "GlobalStandard"
    error_message = "null capacity and SKU should fall back to 30 and GlobalStandard"
  }

  assert {
    condition     = output.env.AZURE_OPENAI_API_VERSION == "2024-10-21" && contains(keys(output.env), "BING_CONNECTION_ID")
    error_message = "null API version and Bing flag should fall back to 2024-10-21 and enabled"
  }
}
