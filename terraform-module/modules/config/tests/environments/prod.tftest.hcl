# Run with the environment file: terraform test -test-directory=tests/environments \
#   -filter=tests/environments/prod.tftest.hcl -var-file=../../environments/prod.tfvars
# The file supplies environment, SKU, capacities and network mode; this run adds the
# site-specific subnets and checks what the module derives from them.

run "prod_tfvars_gives_production_capacity_and_isolation" {
  command = plan

  variables {
    resource_group_name        = "rg-agents"
    container_image            = "myregistry.azurecr.io/agents-api:1.0.0"
    name_prefix                = "agents"
    identity_client_id         = "00000000-0000-0000-0000-0000000000c1"
    project_id                 = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-prod-foundry/projects/agents-prod-agents"
    private_endpoint_subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe"
    container_apps_subnet_id   = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apps"
  }

  assert {
    condition     = output.deployments.gpt4.capacity == 150 && output.deployments.gpt4_mini.capacity == 300
    error_message = "prod.tfvars should set 150K / 300K TPM"
  }

  assert {
    condition     = output.deployments.gpt4.rpm == 900 && output.deployments.gpt4_mini.rpm == 1800
    error_message = "prod capacity should allow 900 / 1,800 RPM"
  }

  assert {
    condition     = output.network.private_endpoint_enabled && !output.network.public_network_access_enabled
    error_message = "prod.tfvars should isolate the Foundry resource behind a private endpoint"
  }
}
