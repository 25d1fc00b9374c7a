# The Container App inputs: image pinned, size within what Container Apps accepts, port,
# replicas, a private registry pulled with the identity, and log retention.

variables {
  resource_group_name = "rg-agents"
  container_image     = "myregistry.azurecr.io/agents-api:1.0.0"
  name_prefix         = "agents"
  environment         = "dev"
  identity_client_id  = "00000000-0000-0000-0000-0000000000c1"
  project_id          = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-dev-foundry/projects/agents-dev-agents"
}

run "defaults_give_a_small_app" {
  command = plan

  assert {
    condition = jsonencode(output.app) == jsonencode({
      image              = "myregistry.azurecr.io/agents-api:1.0.0"
      cpu                = 0.5
      memory             = "1Gi"
      port               = 8080
      min_replicas       = 1
      max_replicas       = 3
      registry_server    = null
      registry_id        = null
      log_retention_days = 30
    })
    error_message = "unexpected app defaults: ${jsonencode(output.app)}"
  }
}

run "valid_app_settings_reach_the_outputs" {
  command = plan

  variables {
    container_image           = "myregistry.azurecr.io/agents-api@sha256:0123abcd"
    container_cpu             = 2
    container_memory          = "4Gi"
    container_port            = 443
    container_min_replicas    = 0
    container_max_replicas    = 10
    container_registry_server = "myregistry.azurecr.io"
    container_registry_id     = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/myregistry"
    log_retention_days        = 730
  }

  assert {
    condition     = output.app.cpu == 2 && output.app.memory == "4Gi" && output.app.port == 443 && output.app.min_replicas == 0 && output.app.max_replicas == 10
    error_message = "valid sizes should pass through, got ${jsonencode(output.app)}"
  }

  assert {
    condition     = output.app.registry_server == "myregistry.azurecr.io" && endswith(output.app.registry_id, "/registries/myregistry") && output.app.log_retention_days == 730
    error_message = "registry and retention should pass through, got ${jsonencode(output.app)}"
  }
}

run "quarter_vcpu_with_half_gi_is_accepted" {
  command = plan

  variables {
    container_cpu    = 0.25
    container_memory = "0.5Gi"
  }

  assert {
    condition     = output.app.cpu == 0.25 && output.app.memory == "0.5Gi"
    error_message = "the smallest Container Apps size should be accepted"
  }
}

run "latest_tag_is_rejected" {
  command = plan

  variables {
    container_image = "myregistry.azurecr.io/agents-api:latest"
  }

  expect_failures = [var.container_image]
}

run "image_with_uppercase_is_rejected" {
  command = plan

  variables {
    container_image = "MyRegistry.azurecr.io/agents-api:1.0.0"
  }

  expect_failures = [var.container_image]
}

run "cpu_off_the_quarter_step_is_rejected" {
  command = plan

  variables {
    container_cpu    = 0.3
    container_memory = "0.6Gi"
  }

  expect_failures = [var.container_cpu]
}

run "cpu_above_four_is_rejected" {
  command = plan

  variables {
    container_cpu    = 8
    container_memory = "16Gi"
  }

  expect_failures = [var.container_cpu]
}

run "memory_not_twice_the_cpu_is_rejected" {
  command = plan

  variables {
    container_cpu    = 1
    container_memory = "1Gi"
  }

  expect_failures = [var.container_memory]
}

run "port_above_65535_is_rejected" {
  command = plan

  variables {
    container_port = 70000
  }

  expect_failures = [var.container_port]
}

run "negative_min_replicas_are_rejected" {
  command = plan

  variables {
    container_min_replicas = -1
  }

  expect_failures = [var.container_min_replicas]
}

run "min_replicas_above_300_are_rejected" {
  command = plan

  variables {
    container_min_replicas = 301
    container_max_replicas = 300
  }

  expect_failures = [var.container_min_replicas]
}

run "max_replicas_below_min_are_rejected" {
  command = plan

  variables {
    container_min_replicas = 5
    container_max_replicas = 2
  }

  expect_failures = [var.container_max_replicas]
}

run "zero_max_replicas_are_rejected" {
  command = plan

  variables {
    container_min_replicas = 0
    container_max_replicas = 0
  }

  expect_failures = [var.container_max_replicas]
}

run "registry_server_as_url_is_rejected" {
  command = plan

  variables {
    container_registry_server = "https://myregistry.azurecr.io"
    container_registry_id     = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/myregistry"
  }

  expect_failures = [var.container_registry_server]
}

run "registry_id_at_subscription_scope_is_rejected" {
  command = plan

  variables {
    container_registry_server = "myregistry.azurecr.io"
    container_registry_id     = "/subscriptions/00000000-0000-0000-0000-000000000001"
  }

  expect_failures = [var.container_registry_id]
}

run "registry_server_without_its_id_is_rejected" {
  command = plan

  variables {
    container_registry_server = "myregistry.azurecr.io"
  }

  expect_failures = [var.container_registry_id]
}

run "log_retention_below_30_days_is_rejected" {
  command = plan

  variables {
    log_retention_days = 7
  }

  expect_failures = [var.log_retention_days]
}

run "log_retention_above_730_days_is_rejected" {
  command = plan

  variables {
    log_retention_days = 731
  }

  expect_failures = [var.log_retention_days]
}
