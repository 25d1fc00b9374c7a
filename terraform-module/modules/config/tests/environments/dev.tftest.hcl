# Run with the environment file: terraform test -test-directory=tests/environments \
#   -filter=tests/environments/dev.tftest.hcl -var-file=../../environments/dev.tfvars

run "dev_tfvars_gives_development_capacity_and_public_access" {
  command = plan

  variables {
    resource_group_name = "rg-agents"
    container_image     = "myregistry.azurecr.io/agents-api:1.0.0"
    name_prefix         = "agents"
    identity_client_id  = "00000000-0000-0000-0000-0000000000c1"
    project_id          = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-dev-foundry/projects/agents-dev-agents"
  }

  assert {
    condition     = output.deployments.gpt4.capacity == 30 && output.deployments.gpt4_mini.capacity == 60
    error_message = "dev.tfvars should set 30K / 60K TPM"
  }

  assert {
    condition     = output.deployments.gpt4.rpm == 180 && output.deployments.gpt4_mini.rpm == 360
    error_message = "dev capacity should allow 180 / 360 RPM"
  }

  assert {
    condition     = output.network.mode == "public" && output.network.public_network_access_enabled
    error_message = "dev.tfvars should keep the Foundry resource reachable"
  }
}
