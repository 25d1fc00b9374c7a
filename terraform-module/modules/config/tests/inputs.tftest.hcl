# Naming and version inputs are checked at the boundary, with messages that say how to fix them.

variables {
  resource_group_name = "rg-agents"
  container_image     = "myregistry.azurecr.io/agents-api:1.0.0"
  name_prefix         = "agents"
  environment         = "dev"
  identity_client_id  = "00000000-0000-0000-0000-0000000000c1"
  project_id          = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-dev-foundry/projects/agents-dev-agents"
}

run "uppercase_prefix_is_rejected" {
  command = plan

  variables {
    name_prefix = "Agents"
  }

  expect_failures = [var.name_prefix]
}

run "long_prefix_is_rejected" {
  command = plan

  variables {
    name_prefix = "agentsplatform"
  }

  expect_failures = [var.name_prefix]
}

run "unknown_environment_is_rejected" {
  command = plan

  variables {
    environment = "staging"
  }

  expect_failures = [var.environment]
}

run "subdomain_with_uppercase_is_rejected" {
  command = plan

  variables {
    custom_subdomain_name = "Contoso-Agents"
  }

  expect_failures = [var.custom_subdomain_name]
}

run "api_version_must_be_a_date" {
  command = plan

  variables {
    openai_api_version = "latest"
  }

  expect_failures = [var.openai_api_version]
}

run "preview_api_version_is_accepted" {
  command = plan

  variables {
    openai_api_version = "2025-04-01-preview"
  }

  assert {
    condition     = output.env.AZURE_OPENAI_API_VERSION == "2025-04-01-preview"
    error_message = "a preview API version should reach the env map"
  }
}

run "model_version_must_be_a_date" {
  command = plan

  variables {
    gpt4_model_version = "latest"
  }

  expect_failures = [var.gpt4_model_version]
}

run "deployment_names_must_differ" {
  command = plan

  variables {
    gpt4_mini_deployment_name = "gpt-4o"
  }

  expect_failures = [var.gpt4_mini_deployment_name]
}

run "custom_deployment_names_reach_the_env" {
  command = plan

  variables {
    gpt4_deployment_name      = "chat-large"
    gpt4_mini_deployment_name = "chat-small"
  }

  assert {
    condition     = output.env.AZURE_OPENAI_DEPLOYMENT_GPT4 == "chat-large" && output.env.MODEL_DEPLOYMENT_NAME == "chat-large" && output.env.AZURE_OPENAI_DEPLOYMENT_GPT4_MINI == "chat-small"
    error_message = "deployment names are what the library calls, so they must reach the env map"
  }
}

run "client_id_must_be_a_guid" {
  command = plan

  variables {
    identity_client_id = "not-a-guid"
  }

  expect_failures = [var.identity_client_id]
}
