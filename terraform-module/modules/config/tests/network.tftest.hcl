# Production is isolated by default; dev stays reachable; each isolation mode asks for what it needs.

variables {
  resource_group_name        = "rg-agents"
  container_image            = "myregistry.azurecr.io/agents-api:1.0.0"
  name_prefix                = "agents"
  environment                = "prod"
  identity_client_id         = "00000000-0000-0000-0000-0000000000c1"
  project_id                 = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-prod-foundry/projects/agents-prod-agents"
  private_endpoint_subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe"
  container_apps_subnet_id   = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apps"
}

run "prod_defaults_to_private_endpoint_with_public_access_off" {
  command = plan

  assert {
    condition     = output.network.mode == "private_endpoint" && !output.network.public_network_access_enabled
    error_message = "prod should default to a private endpoint with public network access disabled"
  }

  assert {
    condition     = output.network.acl_default_action == "Deny" && output.network.private_endpoint_enabled
    error_message = "prod should deny by default in the network ACL and create the private endpoint"
  }

  assert {
    condition     = output.network.redis_public_access == "Disabled"
    error_message = "with private endpoints, Redis public access should be disabled too"
  }
}

run "prod_rediss_url_is_accepted" {
  command = plan

  variables {
    external_redis_url = "rediss://cache.example.com:6380"
  }

  assert {
    condition     = output.env.REDIS_URL == "rediss://cache.example.com:6380"
    error_message = "a TLS Redis URL should be accepted in prod"
  }
}

run "prod_rejects_public_network_mode" {
  command = plan

  variables {
    network_mode = "public"
  }

  expect_failures = [var.network_mode]
}

run "private_endpoint_needs_its_subnet" {
  command = plan

  variables {
    private_endpoint_subnet_id = null
  }

  expect_failures = [var.private_endpoint_subnet_id]
}

run "private_endpoint_needs_the_app_in_a_vnet" {
  command = plan

  variables {
    container_apps_subnet_id = null
  }

  expect_failures = [var.container_apps_subnet_id]
}

run "network_acls_mode_denies_by_default_and_allows_listed_sources" {
  command = plan

  variables {
    network_mode       = "network_acls"
    allowed_ip_ranges  = ["203.0.113.0/24", "198.51.100.7"]
    allowed_subnet_ids = ["/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apps"]
  }

  assert {
    condition     = output.network.public_network_access_enabled && output.network.acl_default_action == "Deny" && !output.network.private_endpoint_enabled
    error_message = "network_acls mode keeps the public endpoint but denies by default"
  }

  assert {
    condition     = length(output.network.allowed_ip_ranges) == 2 && length(output.network.allowed_subnet_ids) == 1
    error_message = "network_acls mode should pass the allow rules through"
  }
}

run "network_acls_mode_without_rules_is_rejected" {
  command = plan

  variables {
    network_mode = "network_acls"
  }

  expect_failures = [var.allowed_subnet_ids]
}

run "invalid_cidr_is_rejected" {
  command = plan

  variables {
    network_mode      = "network_acls"
    allowed_ip_ranges = ["203.0.113.0/33"]
  }

  expect_failures = [var.allowed_ip_ranges]
}

run "unknown_network_mode_is_rejected" {
  command = plan

  variables {
    network_mode = "vpn"
  }

  expect_failures = [var.network_mode]
}

run "dev_may_opt_into_private_endpoint" {
  command = plan

  variables {
    environment  = "dev"
    network_mode = "private_endpoint"
  }

  assert {
    condition     = output.network.private_endpoint_enabled && !output.network.public_network_access_enabled
    error_message = "an explicit private_endpoint mode should apply in dev too"
  }
}
