# Capacity ranges per SKU and the TPM -> RPM rule (6 RPM per 1,000 TPM).

variables {
  resource_group_name = "rg-agents"
  container_image     = "myregistry.azurecr.io/agents-api:1.0.0"
  name_prefix         = "agents"
  environment         = "dev"
  identity_client_id  = "00000000-0000-0000-0000-0000000000c1"
  project_id          = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-agents/providers/Microsoft.CognitiveServices/accounts/agents-dev-foundry/projects/agents-dev-agents"
}

run "production_capacity_gives_900_and_1800_rpm" {
  command = plan

  variables {
    gpt4_capacity      = 150
    gpt4_mini_capacity = 300
  }

  assert {
    condition     = output.deployments.gpt4.tpm == 150000 && output.deployments.gpt4.rpm == 900
    error_message = "150K TPM should allow 900 RPM, got ${output.deployments.gpt4.rpm}"
  }

  assert {
    condition     = output.deployments.gpt4_mini.tpm == 300000 && output.deployments.gpt4_mini.rpm == 1800
    error_message = "300K TPM should allow 1,800 RPM, got ${output.deployments.gpt4_mini.rpm}"
  }
}

run "standard_sku_is_accepted" {
  command = plan

  variables {
    deployment_sku = "Standard"
  }

  assert {
    condition     = output.deployments.gpt4.sku == "Standard" && output.deployments.gpt4_mini.sku == "Standard"
    error_message = "the SKU variable should apply to both deployments"
  }
}

run "provisioned_capacity_is_ptu_without_tpm_rpm" {
  command = plan

  variables {
    deployment_sku     = "ProvisionedManaged"
    gpt4_capacity      = 100
    gpt4_mini_capacity = 25
  }

  assert {
    condition     = output.deployments.gpt4.capacity == 100 && output.deployments.gpt4.tpm == null && output.deployments.gpt4.rpm == null
    error_message = "provisioned deployments are sized in PTU; TPM/RPM do not follow the Standard formula"
  }
}

run "provisioned_gpt4_below_minimum_is_rejected" {
  command = plan

  variables {
    deployment_sku     = "ProvisionedManaged"
    gpt4_capacity      = 30
    gpt4_mini_capacity = 25
  }

  expect_failures = [var.gpt4_capacity]
}

run "provisioned_gpt4_mini_off_increment_is_rejected" {
  command = plan

  variables {
    deployment_sku     = "ProvisionedManaged"
    gpt4_capacity      = 50
    gpt4_mini_capacity = 60
  }

  expect_failures = [var.gpt4_mini_capacity]
}

run "zero_capacity_is_rejected" {
  command = plan

  variables {
    gpt4_capacity = 0
  }

  expect_failures = [var.gpt4_capacity]
}

run "fractional_capacity_is_rejected" {
  command = plan

  variables {
    gpt4_mini_capacity = 12.5
  }

  expect_failures = [var.gpt4_mini_capacity]
}

run "capacity_above_range_is_rejected" {
  command = plan

  variables {
    gpt4_capacity = 10001
  }

  expect_failures = [var.gpt4_capacity]
}

run "unknown_sku_is_rejected" {
  command = plan

  variables {
    deployment_sku = "Premium"
  }

  expect_failures = [var.deployment_sku]
}
