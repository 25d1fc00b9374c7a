# Bing key rotation counter and the Managed Redis SKU.

variables {
  resource_group_name = "rg-agents"
  container_image     = "myregistry.azurecr.io/agents-api:1.0.0"
  name_prefix         = "agents"
  environment         = "dev"
  identity_client_id  = "00000000-0000-0000-0000-0000000000c1"
  project_id          = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-dev-foundry/projects/agents-dev-agents"
}

run "defaults_send_the_first_key_and_use_the_smallest_redis" {
  command = plan

  assert {
    condition     = output.bing_rotation == 1 && output.redis_sku_name == "Balanced_B0"
    error_message = "defaults should be bing_key_version 1 and Balanced_B0"
  }
}

run "rotated_key_and_larger_redis_are_accepted" {
  command = plan

  variables {
    bing_key_version = 3
    redis_enabled    = true
    redis_hostname   = "agents-dev-redis.swedencentral.redis.azure.net"
    redis_sku_name   = "MemoryOptimized_M10"
  }

  assert {
    condition     = output.bing_rotation == 3 && output.redis_sku_name == "MemoryOptimized_M10"
    error_message = "a rotated key version and another Managed Redis SKU should pass through"
  }
}

run "bing_key_version_zero_is_rejected" {
  command = plan

  variables {
    bing_key_version = 0
  }

  expect_failures = [var.bing_key_version]
}

run "fractional_bing_key_version_is_rejected" {
  command = plan

  variables {
    bing_key_version = 1.5
  }

  expect_failures = [var.bing_key_version]
}

run "classic_cache_sku_is_rejected" {
  command = plan

  variables {
    redis_sku_name = "Premium_P1"
  }

  expect_failures = [var.redis_sku_name]
}
