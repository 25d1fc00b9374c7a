# Placement inputs the root module hands to azurerm: resource group, region, tags and the
# private DNS zones of the private endpoints. Validated here so `terraform test` covers them.

variables {
  resource_group_name = "rg-agents"
  container_image     = "myregistry.azurecr.io/agents-api:1.0.0"
  name_prefix         = "agents"
  environment         = "dev"
  identity_client_id  = "00000000-0000-0000-0000-0000000000c1"
  project_id          = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-dev-foundry/projects/agents-dev-agents"
}

run "defaults_leave_location_to_the_resource_group" {
  command = plan

  assert {
    condition     = output.placement.resource_group_name == "rg-agents" && output.placement.location == null && length(output.placement.tags) == 0
    error_message = "defaults: the given resource group, its region (null) and no tags, got ${jsonencode(output.placement)}"
  }

  assert {
    condition     = length(output.network.private_dns_zone_ids.foundry) + length(output.network.private_dns_zone_ids.redis) == 0
    error_message = "no private DNS zones by default (DNS managed by policy)"
  }
}

run "valid_placement_reaches_the_outputs" {
  command = plan

  variables {
    resource_group_name = "rg_agents-prod.(eu)1"
    location            = "swedencentral"
    tags                = { team = "agents", cost-center = "4711" }
    private_dns_zone_ids = {
      foundry = ["/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com"]
      redis   = ["/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net"]
    }
  }

  assert {
    condition     = output.placement.resource_group_name == "rg_agents-prod.(eu)1" && output.placement.location == "swedencentral" && output.placement.tags.team == "agents"
    error_message = "valid placement inputs should pass through unchanged, got ${jsonencode(output.placement)}"
  }

  assert {
    condition     = length(output.network.private_dns_zone_ids.foundry) == 1 && length(output.network.private_dns_zone_ids.redis) == 1
    error_message = "private DNS zone IDs should reach the network settings"
  }
}

run "one_character_resource_group_is_accepted" {
  command = plan

  variables {
    resource_group_name = "a"
  }

  assert {
    condition     = output.placement.resource_group_name == "a"
    error_message = "Azure allows resource group names of 1 character"
  }
}

run "resource_group_ending_in_a_period_is_rejected" {
  command = plan

  variables {
    resource_group_name = "rg-agents."
  }

  expect_failures = [var.resource_group_name]
}

run "resource_group_with_a_space_is_rejected" {
  command = plan

  variables {
    resource_group_name = "rg agents"
  }

  expect_failures = [var.resource_group_name]
}

run "resource_group_over_90_characters_is_rejected" {
  command = plan

  variables {
    resource_group_name = format("rg-%088d", 0)
  }

  expect_failures = [var.resource_group_name]
}

run "location_display_name_is_rejected" {
  command = plan

  variables {
    location = "Sweden Central"
  }

  expect_failures = [var.location]
}

run "tag_value_over_256_characters_is_rejected" {
  command = plan

  variables {
    tags = { note = format("%0257d", 0) }
  }

  expect_failures = [var.tags]
}

run "dns_zone_outside_privatelink_is_rejected" {
  command = plan

  variables {
    private_dns_zone_ids = { foundry = ["/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/contoso.com"] }
  }

  expect_failures = [var.private_dns_zone_ids]
}

run "redis_dns_zone_that_is_no_id_is_rejected" {
  command = plan

  variables {
    private_dns_zone_ids = { redis = ["privatelink.redis.azure.net"] }
  }

  expect_failures = [var.private_dns_zone_ids]
}
