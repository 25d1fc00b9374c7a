# The env map carries exactly the variables the Java library reads, and never a secret.

variables {
  resource_group_name = "rg-agents"
  container_image     = "myregistry.azurecr.io/agents-api:1.0.0"
  name_prefix         = "agents"
  environment         = "dev"
  identity_client_id  = "00000000-0000-0000-0000-0000000000c1"
  project_id          = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-dev-foundry/projects/agents-dev-agents"
}

run "env_has_exactly_the_library_variables" {
  command = plan

  assert {
    condition = sort(keys(output.env)) == sort([
      "AZURE_OPENAI_ENDPOINT", "AZURE_CLIENT_ID", "AZURE_OPENAI_DEPLOYMENT_GPT4", "AZURE_OPENAI_DEPLOYMENT_GPT4_MINI",
      "AZURE_OPENAI_API_VERSION", "PROJECT_ENDPOINT", "MODEL_DEPLOYMENT_NAME", "BING_CONNECTION_ID",
    ])
    error_message = "env keys should be the library's variables (no REDIS_URL without Redis), got ${join(", ", sort(keys(output.env)))}"
  }

  assert {
    condition     = output.env.AZURE_CLIENT_ID == "00000000-0000-0000-0000-0000000000c1" && output.env.AZURE_OPENAI_API_VERSION == "2024-10-21"
    error_message = "AZURE_CLIENT_ID should be the identity's client id and the API version should default to 2024-10-21"
  }

  assert {
    condition     = output.env.AZURE_OPENAI_DEPLOYMENT_GPT4 == "gpt-4o" && output.env.AZURE_OPENAI_DEPLOYMENT_GPT4_MINI == "gpt-4o-mini" && output.env.MODEL_DEPLOYMENT_NAME == "gpt-4o"
    error_message = "deployment env vars should carry the deployment names, and the agent model should be gpt-4o"
  }

  assert {
    condition     = alltrue([for k in keys(output.env) : length(regexall("KEY|SECRET|PASSWORD|TOKEN", k)) == 0])
    error_message = "env must not carry credentials"
  }
}

run "bing_connection_id_is_project_scoped" {
  command = plan

  assert {
    condition     = output.env.BING_CONNECTION_ID == "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-dev-foundry/projects/agents-dev-agents/connections/agents-dev-bing"
    error_message = "BING_CONNECTION_ID should be {project_id}/connections/{name}, got ${output.env.BING_CONNECTION_ID}"
  }
}

run "bing_disabled_removes_the_connection_variable" {
  command = plan

  variables {
    bing_grounding_enabled = false
  }

  assert {
    condition     = !contains(keys(output.env), "BING_CONNECTION_ID") && output.bing_connection_id == null
    error_message = "without Bing the env map should not carry BING_CONNECTION_ID"
  }
}

run "managed_redis_gives_a_tls_url_without_password" {
  command = plan

  variables {
    redis_enabled  = true
    redis_hostname = "agents-dev-redis.westeurope.redis.azure.net"
  }

  assert {
    condition     = output.env.REDIS_URL == "rediss://agents-dev-redis.westeurope.redis.azure.net:10000"
    error_message = "REDIS_URL should be rediss://{host}:10000, got ${output.env.REDIS_URL}"
  }
}

run "external_redis_url_is_passed_through" {
  command = plan

  variables {
    external_redis_url = "redis://127.0.0.1:6379"
  }

  assert {
    condition     = output.redis_url == "redis://127.0.0.1:6379" && output.env.REDIS_URL == "redis://127.0.0.1:6379"
    error_message = "an external REDIS_URL should reach the env map unchanged"
  }
}

run "redis_url_with_password_is_rejected" {
  command = plan

  variables {
    external_redis_url = "redis://:hunter2@cache.example.com:6379"
  }

  expect_failures = [var.external_redis_url]
}

run "prod_redis_url_must_use_tls" {
  command = plan

  variables {
    environment                = "prod"
    private_endpoint_subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe"
    container_apps_subnet_id   = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apps"
    external_redis_url         = "redis://cache.example.com:6379"
  }

  expect_failures = [var.external_redis_url]
}

run "managed_and_external_redis_are_exclusive" {
  command = plan

  variables {
    redis_enabled      = true
    redis_hostname     = "agents-dev-redis.westeurope.redis.azure.net"
    external_redis_url = "rediss://cache.example.com:6380"
  }

  expect_failures = [var.external_redis_url]
}

run "managed_redis_needs_its_hostname" {
  command = plan

  variables {
    redis_enabled = true
  }

  expect_failures = [var.redis_hostname]
}

run "malformed_project_id_is_rejected" {
  command = plan

  variables {
    project_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.MachineLearningServices/workspaces/hub"
  }

  expect_failures = [var.project_id]
}
