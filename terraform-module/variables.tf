# Inputs of the root module.
#
# Variables passed to modules/config are validated there, once, and keep their defaults
# there: they are declared here with `default = null`, which the config module replaces
# with its default (its variables are non-nullable). Descriptions state the effective
# default. Variables used only here are validated here.

# --- placement and naming (validated in modules/config unless noted) --------------------

variable "resource_group_name" {
  type        = string
  description = "Existing resource group that receives every resource."

  validation {
    condition     = can(regex("^[-\\w._()]{1,89}[-\\w_()]$", var.resource_group_name))
    error_message = "resource_group_name must be 1-90 letters, digits, underscores, hyphens, periods or parentheses, not ending in a period."
  }
}

variable "location" {
  type        = string
  default     = null
  description = "Azure region of the regional resources. Default: the resource group's region. Pick a region that offers gpt-4o and gpt-4o-mini for the chosen SKU."

  validation {
    condition     = var.location == null || can(regex("^[a-z0-9]+$", coalesce(var.location, "-")))
    error_message = "location must be a region name such as swedencentral or eastus2 (lowercase, no spaces)."
  }
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
  default     = {}
  description = "Tags applied to every resource that supports them."

  validation {
    condition     = alltrue([for k, v in var.tags : length(k) <= 512 && length(v) <= 256])
    error_message = "tag names must be at most 512 characters and tag values at most 256."
  }
}

# --- model deployments (validated in modules/config) ----------------------------------------

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

# --- network isolation (validated in modules/config unless noted) --------------------------

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
  default     = {}
  description = "Private DNS zones to register the private endpoints in: foundry = privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com and privatelink.services.ai.azure.com; redis = privatelink.redis.azure.net. Leave empty when DNS is managed by policy."

  validation {
    condition = alltrue([
      for id in concat(var.private_dns_zone_ids.foundry, var.private_dns_zone_ids.redis) :
      can(regex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/privateDnsZones/privatelink\\.[a-z.]+$", id))
    ])
    error_message = "private_dns_zone_ids must contain private DNS zone resource IDs (…/providers/Microsoft.Network/privateDnsZones/privatelink.…)."
  }
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

# --- the app (validated here) ----------------------------------------------------------------

variable "container_image" {
  type        = string
  description = "Image of the app that uses the library, e.g. myregistry.azurecr.io/agents-api:1.4.2."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.:/_@-]*$", var.container_image)) && !endswith(var.container_image, ":latest")
    error_message = "container_image must be an image reference in lowercase without spaces, pinned to a tag or digest other than :latest."
  }
}

variable "container_cpu" {
  type        = number
  default     = 0.5
  description = "vCPU of the app container (0.25 to 4 in steps of 0.25)."

  validation {
    condition     = var.container_cpu >= 0.25 && var.container_cpu <= 4 && floor(var.container_cpu * 4) == var.container_cpu * 4
    error_message = "container_cpu must be between 0.25 and 4 in steps of 0.25."
  }
}

variable "container_memory" {
  type        = string
  default     = "1Gi"
  description = "Memory of the app container; Container Apps needs twice the vCPU in Gi (0.5 vCPU -> 1Gi)."

  validation {
    condition     = var.container_memory == format("%gGi", var.container_cpu * 2)
    error_message = "container_memory must be twice container_cpu in Gi, e.g. 0.5 -> \"1Gi\", 1 -> \"2Gi\"."
  }
}

variable "container_port" {
  type        = number
  default     = 8080
  description = "Port the app listens on (ingress target port)."

  validation {
    condition     = var.container_port >= 1 && var.container_port <= 65535 && floor(var.container_port) == var.container_port
    error_message = "container_port must be a whole number between 1 and 65535."
  }
}

variable "ingress_external_enabled" {
  type        = bool
  default     = true
  description = "Expose the app outside the Container Apps environment (HTTPS only either way)."
}

variable "container_min_replicas" {
  type        = number
  default     = 1
  description = "Minimum replicas of the app (0 lets it scale to zero)."

  validation {
    condition     = var.container_min_replicas >= 0 && var.container_min_replicas <= 300
    error_message = "container_min_replicas must be between 0 and 300."
  }
}

variable "container_max_replicas" {
  type        = number
  default     = 3
  description = "Maximum replicas of the app."

  validation {
    condition     = var.container_max_replicas >= 1 && var.container_max_replicas <= 300 && var.container_max_replicas >= var.container_min_replicas
    error_message = "container_max_replicas must be between 1 and 300 and at least container_min_replicas."
  }
}

variable "container_registry_server" {
  type        = string
  default     = null
  description = "Login server of a private registry (e.g. myregistry.azurecr.io) pulled with the app's managed identity. Default: a public image."

  validation {
    condition     = var.container_registry_server == null || can(regex("^[a-z0-9.-]+$", coalesce(var.container_registry_server, "-")))
    error_message = "container_registry_server must be a host name such as myregistry.azurecr.io."
  }
}

variable "container_registry_id" {
  type        = string
  default     = null
  description = "Resource ID of that Azure Container Registry; the app's identity gets AcrPull on it (and nowhere else)."

  validation {
    condition     = var.container_registry_id == null || can(regex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.ContainerRegistry/registries/[^/]+$", coalesce(var.container_registry_id, "-")))
    error_message = "container_registry_id must be a registry resource ID (…/providers/Microsoft.ContainerRegistry/registries/<name>), never a subscription or resource group."
  }

  validation {
    condition     = (var.container_registry_id == null) == (var.container_registry_server == null)
    error_message = "Set container_registry_id and container_registry_server together."
  }
}

variable "log_retention_days" {
  type        = number
  default     = 30
  description = "Retention of the Log Analytics workspace the app logs to."

  validation {
    condition     = var.log_retention_days >= 30 && var.log_retention_days <= 730
    error_message = "log_retention_days must be between 30 and 730."
  }
}

# --- Bing grounding and Redis -----------------------------------------------------------------

variable "bing_grounding_enabled" {
  type        = bool
  default     = true
  description = "Create the Grounding with Bing Search resource and its project connection (BING_CONNECTION_ID)."
}

variable "bing_key_version" {
  type        = number
  default     = 1
  description = "Increase after rotating the Bing key: the connection's write-only key is only sent when this changes."

  validation {
    condition     = var.bing_key_version >= 1 && floor(var.bing_key_version) == var.bing_key_version
    error_message = "bing_key_version must be a whole number of at least 1."
  }
}

variable "redis_enabled" {
  type        = bool
  default     = false
  description = "Create Azure Managed Redis (Entra ID auth, TLS, no eviction) for the task queue and set REDIS_URL."
}

variable "redis_sku_name" {
  type        = string
  default     = "Balanced_B0"
  description = "Azure Managed Redis SKU, e.g. Balanced_B0 or MemoryOptimized_M10."

  validation {
    condition     = can(regex("^(Balanced_B|ComputeOptimized_X|MemoryOptimized_M|FlashOptimized_A)[0-9]+$", var.redis_sku_name))
    error_message = "redis_sku_name must be an Azure Managed Redis SKU such as Balanced_B0, ComputeOptimized_X5 or MemoryOptimized_M10."
  }
}

variable "external_redis_url" {
  type        = string
  default     = null
  description = "REDIS_URL of an existing Redis when redis_enabled is false (redis:// or rediss://, no password; rediss:// in prod). Validated in modules/config."
}
