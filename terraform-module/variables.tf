# Inputs of the root module.
#
# Every variable is passed to modules/config and validated there, once: that module is
# provider-free, so `terraform test` exercises each rule offline (its tests hold a valid
# and an invalid case per rule). Defaults live there too: variables are declared here with
# `default = null`, which the config module replaces with its default (its variables are
# non-nullable). Descriptions state the effective default. Resources read the validated
# values back from module.config; only the booleans (ingress_external_enabled and the
# feature switches, which have nothing to validate) are read from var.* directly.

# --- placement and naming ---------------------------------------------------------------

variable "resource_group_name" {
  type        = string
  nullable    = false
  description = "Existing resource group that receives every resource."
}

variable "location" {
  type        = string
  default     = null
  description = "Azure region of the regional resources. Default: the resource group's region. Pick a region that offers gpt-4o and gpt-4o-mini for the chosen SKU."
}

variable "name_prefix" {
  type        = string
  description = "Workload prefix used in every resource name: 2-10 lowercase letters or digits, starting with a letter."
}

variable "environment" {
  type        = string
  description = "dev, test or prod. prod defaults to private networking and refuses public network mode."
}

variable "name_suffix" {
  type        = string
  default     = null
  description = "Optional suffix (0-6 lowercase letters or digits) for globally unique names. Default: none."
}

variable "custom_subdomain_name" {
  type        = string
  default     = null
  description = "Custom subdomain of the Foundry resource (globally unique). Default: \"<prefix>-<environment>[-<suffix>]-foundry\"."
}

variable "tags" {
  type        = map(string)
  default     = null
  description = "Tags applied to every resource that supports them. Default: none."
}

# --- model deployments ---------------------------------------------------------------------

variable "deployment_sku" {
  type        = string
  default     = null
  description = "SKU of both deployments: Standard, GlobalStandard or ProvisionedManaged. Default: GlobalStandard."
}

variable "gpt4_capacity" {
  type        = number
  default     = null
  description = "gpt-4o capacity: thousands of TPM (Standard/GlobalStandard, 1-10000) or PTU (ProvisionedManaged, 50+ in steps of 50). Default: 30."
}

variable "gpt4_mini_capacity" {
  type        = number
  default     = null
  description = "gpt-4o-mini capacity: thousands of TPM (1-10000) or PTU (25+ in steps of 25). Default: 60."
}

variable "gpt4_model_version" {
  type        = string
  default     = null
  description = "gpt-4o model version. Default: 2024-11-20."
}

variable "gpt4_mini_model_version" {
  type        = string
  default     = null
  description = "gpt-4o-mini model version. Default: 2024-07-18."
}

variable "gpt4_deployment_name" {
  type        = string
  default     = null
  description = "Deployment name of gpt-4o (AZURE_OPENAI_DEPLOYMENT_GPT4, MODEL_DEPLOYMENT_NAME). Default: gpt-4o."
}

variable "gpt4_mini_deployment_name" {
  type        = string
  default     = null
  description = "Deployment name of gpt-4o-mini (AZURE_OPENAI_DEPLOYMENT_GPT4_MINI). Default: gpt-4o-mini."
}

variable "openai_api_version" {
  type        = string
  default     = null
  description = "AZURE_OPENAI_API_VERSION handed to the app. Default: 2024-10-21."
}

# --- network isolation ---------------------------------------------------------------------

variable "network_mode" {
  type        = string
  default     = null
  description = "public, network_acls (default deny plus allow rules) or private_endpoint (public access off). Default: private_endpoint in prod, public elsewhere."
}

variable "private_endpoint_subnet_id" {
  type        = string
  default     = null
  description = "Subnet for the private endpoints; required with network_mode private_endpoint."
}

variable "private_dns_zone_ids" {
  type = object({
    foundry = optional(list(string), [])
    redis   = optional(list(string), [])
  })
  default     = null
  description = "Private DNS zones to register the private endpoints in: foundry = privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com and privatelink.services.ai.azure.com; redis = privatelink.redis.azure.net. Leave empty when DNS is managed by policy."
}

variable "container_apps_subnet_id" {
  type        = string
  default     = null
  description = "Subnet of the Container Apps environment; required with private endpoints so the app can reach them."
}

variable "allowed_ip_ranges" {
  type        = list(string)
  default     = null
  description = "IPv4 addresses or CIDR ranges allowed through the network ACL (network_acls mode). Default: none."
}

variable "allowed_subnet_ids" {
  type        = list(string)
  default     = null
  description = "Subnets allowed through the network ACL (network_acls mode). Default: none."
}

# --- the app --------------------------------------------------------------------------------

variable "container_image" {
  type        = string
  nullable    = false
  description = "Image of the app that uses the library, e.g. myregistry.azurecr.io/agents-api:1.4.2."
}

variable "container_cpu" {
  type        = number
  default     = null
  description = "vCPU of the app container (0.25 to 4 in steps of 0.25). Default: 0.5."
}

variable "container_memory" {
  type        = string
  default     = null
  description = "Memory of the app container; Container Apps needs twice the vCPU in Gi (0.5 vCPU -> 1Gi). Default: 1Gi."
}

variable "container_port" {
  type        = number
  default     = null
  description = "Port the app listens on (ingress target port). Default: 8080."
}

variable "ingress_external_enabled" {
  type        = bool
  default     = true
  description = "Expose the app outside the Container Apps environment (HTTPS only either way)."
}

variable "container_min_replicas" {
  type        = number
  default     = null
  description = "Minimum replicas of the app (0 lets it scale to zero). Default: 1."
}

variable "container_max_replicas" {
  type        = number
  default     = null
  description = "Maximum replicas of the app (1-300, at least container_min_replicas). Default: 3."
}

variable "container_registry_server" {
  type        = string
  default     = null
  description = "Login server of a private registry (e.g. myregistry.azurecr.io) pulled with the app's managed identity. Default: a public image."
}

variable "container_registry_id" {
  type        = string
  default     = null
  description = "Resource ID of that Azure Container Registry; the app's identity gets AcrPull on it (and nowhere else)."
}

variable "log_retention_days" {
  type        = number
  default     = null
  description = "Retention of the Log Analytics workspace the app logs to (30-730 days). Default: 30."
}

# --- Bing grounding and Redis -----------------------------------------------------------------

variable "bing_grounding_enabled" {
  type        = bool
  default     = true
  description = "Create the Grounding with Bing Search resource and its project connection (BING_CONNECTION_ID)."
}

variable "bing_key_version" {
  type        = number
  default     = null
  description = "Increase after rotating the Bing key: the connection's write-only key is only sent when this changes. Default: 1."
}

variable "redis_enabled" {
  type        = bool
  default     = false
  description = "Create Azure Managed Redis (Entra ID auth, TLS, no eviction) for the task queue and set REDIS_URL."
}

variable "redis_sku_name" {
  type        = string
  default     = null
  description = "Azure Managed Redis SKU, e.g. Balanced_B0 or MemoryOptimized_M10. Default: Balanced_B0."
}

variable "external_redis_url" {
  type        = string
  default     = null
  description = "REDIS_URL of an existing Redis when redis_enabled is false (redis:// or rediss://, no password; rediss:// in prod)."
}
