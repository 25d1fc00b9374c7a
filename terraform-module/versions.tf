terraform {
  # 1.10 brings ephemeral resources; 1.11 brings write-only arguments. Both are needed to
  # hand the Bing key to the project connection without storing it in state.
  required_version = ">= 1.11"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.55, < 5.0"
    }
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.5"
    }
  }
}
