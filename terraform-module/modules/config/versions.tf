# Provider-free on purpose: this module only validates inputs and computes values,
# so `terraform init -backend=false && terraform test` runs offline.
terraform {
  required_version = ">= 1.10"
}
