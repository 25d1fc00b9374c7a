# Inputs of the provider-free config module. Every rule about a value a platform team
# chooses lives here, once; the root module passes its variables through unchanged.
# Defaults live here too: variables marked nullable = false take their default when the
# root module passes null, so the root declares `default = null` instead of a copy.

# --- placement ---------------------------------------------------------------------

variable "resource_group_name" {
  type        = string
  nullable    = false
  description = "Existing resource group that receives every resource."

  validation {
    condition     = can(regex("^[-\\w._()]{0,89}[-\\w_()]$", var.resource_group_name))
    error_message = "resource_group_name must be 1-90 letters, digits, underscores, hyphens, periods or parentheses, not ending in a period."
  }
}

variable "location" {
  type        = string
  default     = null
  description = "Azure region of the regional resources; null means the resource group's region."

  validation {
    condition     = var.location == null || can(regex("^[a-z0-9]+$", coalesce(var.location, "-")))
    error_message = "location must be a region name such as swedencentral or eastus2 (lowercase, no spaces)."
  }
}

variable "tags" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Tags applied to every resource that supports them."

  validation {
    condition     = alltrue([for k, v in var.tags : length(k) <= 512 && length(v) <= 256])
    error_message = "tag names must be at most 512 characters and tag values at most 256."
  }
}

# --- naming -------------------------------------------------------------------------

variable "name_prefix" {
  type        = string
  description = "Workload prefix used in every resource name: 2-10 lowercase letters or digits, starting with a letter."

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.name_prefix))
    error_message = "name_prefix must be 2-10 lowercase letters or digits and start with a letter, for example \"agents\"."
  }
}

variable "environment" {
  type        = string
  description = "Deployment environment: dev, test or prod. prod defaults to private networking."

  validation {
    condition     = contains(["dev", "test", "prod"], var.environment)
    error_message = "environment must be one of dev, test or prod."
  }
}

variable "name_suffix" {
  type        = string
  default     = ""
  nullable    = false
  description = "Optional suffix (0-6 lowercase letters or digits) that makes globally unique names, such as the custom subdomain, unique."

  validation {
    condition     = can(regex("^[a-z0-9]{0,6}$", var.name_suffix))
    error_message = "name_suffix must be at most 6 lowercase letters or digits."
  }
}

variable "custom_subdomain_name" {
  type        = string
  default     = null
  description = "Custom subdomain of the Foundry resource (globally unique). Defaults to \"<prefix>-<environment>[-<suffix>]-foundry\"."

  validation {
    condition     = var.custom_subdomain_name == null || can(regex("^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$", var.custom_subdomain_name))
    error_message = "custom_subdomain_name must be 2-64 lowercase letters, digits or hyphens, and start and end with a letter or digit."
  }
}

# --- model deployments -----------------------------------------------------------------

variable "deployment_sku" {
  type        = string
  default     = "GlobalStandard"
  nullable    = false
  description = "SKU of both model deployments: Standard, GlobalStandard (capacity in thousands of TPM) or ProvisionedManaged (capacity in PTU)."

  validation {
    condition     = contains(["Standard", "GlobalStandard", "ProvisionedManaged"], var.deployment_sku)
    error_message = "deployment_sku must be Standard, GlobalStandard or ProvisionedManaged."
  }
}

variable "gpt4_capacity" {
  type        = number
  default     = 30
  nullable    = false
  description = "Capacity of the gpt-4o deployment: thousands of tokens per minute for Standard/GlobalStandard, PTU for ProvisionedManaged."

  validation {
    condition     = var.gpt4_capacity == floor(var.gpt4_capacity) && var.gpt4_capacity >= 1 && var.gpt4_capacity <= 10000
    error_message = "gpt4_capacity must be a whole number between 1 and 10000 (thousands of TPM, or PTU)."
  }

  validation {
    condition     = var.deployment_sku != "ProvisionedManaged" || (var.gpt4_capacity >= 50 && var.gpt4_capacity % 50 == 0)
    error_message = "With ProvisionedManaged, gpt4_capacity is in PTU: regional gpt-4o needs at least 50 PTU in steps of 50."
  }
}

variable "gpt4_mini_capacity" {
  type        = number
  default     = 60
  nullable    = false
  description = "Capacity of the gpt-4o-mini deployment: thousands of tokens per minute for Standard/GlobalStandard, PTU for ProvisionedManaged."

  validation {
    condition     = var.gpt4_mini_capacity == floor(var.gpt4_mini_capacity) && var.gpt4_mini_capacity >= 1 && var.gpt4_mini_capacity <= 10000
    error_message = "gpt4_mini_capacity must be a whole number between 1 and 10000 (thousands of TPM, or PTU)."
  }

  validation {
    condition     = var.deployment_sku != "ProvisionedManaged" || (var.gpt4_mini_capacity >= 25 && var.gpt4_mini_capacity % 25 == 0)
    error_message = "With ProvisionedManaged, gpt4_mini_capacity is in PTU: regional gpt-4o-mini needs at least 25 PTU in steps of 25."
  }
}

variable "gpt4_model_version" {
  type        = string
  default     = "2024-11-20"
  nullable    = false
  description = "Version of the gpt-4o model to deploy (YYYY-MM-DD)."

  validation {
    condition     = can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", var.gpt4_model_version))
    error_message = "gpt4_model_version must look like 2024-11-20."
  }
}

variable "gpt4_mini_model_version" {
  type        = string
  default     = "2024-07-18"
  nullable    = false
  description = "Version of the gpt-4o-mini model to deploy (YYYY-MM-DD)."

  validation {
    condition     = can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", var.gpt4_mini_model_version))
    error_message = "gpt4_mini_model_version must look like 2024-07-18."
  }
}

variable "gpt4_deployment_name" {
  type        = string
  default     = "gpt-4o"
  nullable    = false
  description = "Deployment name of gpt-4o; the library reads it from AZURE_OPENAI_DEPLOYMENT_GPT4 and MODEL_DEPLOYMENT_NAME."

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$", var.gpt4_deployment_name))
    error_message = "gpt4_deployment_name must be 2-64 letters, digits, dots, underscores or hyphens, starting with a letter or digit."
  }
}

variable "gpt4_mini_deployment_name" {
  type        = string
  default     = "gpt-4o-mini"
  nullable    = false
  description = "Deployment name of gpt-4o-mini; the library reads it from AZURE_OPENAI_DEPLOYMENT_GPT4_MINI."

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$", var.gpt4_mini_deployment_name))
    error_message = "gpt4_mini_deployment_name must be 2-64 letters, digits, dots, underscores or hyphens, starting with a letter or digit."
  }

  validation {
    condition     = var.gpt4_mini_deployment_name != var.gpt4_deployment_name
    error_message = "gpt4_mini_deployment_name must differ from gpt4_deployment_name: both deployments live on one account."
  }
}

variable "openai_api_version" {
  type        = string
  default     = "2024-10-21"
  nullable    = false
  description = "Azure OpenAI data-plane API version handed to the library as AZURE_OPENAI_API_VERSION."

  validation {
    condition     = can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?$", var.openai_api_version))
    error_message = "openai_api_version must look like 2024-10-21 or 2025-04-01-preview."
  }
}

# --- network isolation -----------------------------------------------------------------

variable "network_mode" {
  type        = string
  default     = null
  description = "How the Foundry resource is reached: public, network_acls (public endpoint, default deny plus allow rules) or private_endpoint (public access off). Defaults to private_endpoint in prod, public elsewhere."

  validation {
    condition     = var.network_mode == null || contains(["public", "network_acls", "private_endpoint"], coalesce(var.network_mode, "public"))
    error_message = "network_mode must be public, network_acls or private_endpoint."
  }

  validation {
    condition     = var.environment != "prod" || var.network_mode != "public"
    error_message = "prod must not use network_mode = \"public\": choose private_endpoint (the default) or network_acls."
  }
}

variable "private_endpoint_subnet_id" {
  type        = string
  default     = null
  description = "Subnet that receives the private endpoints; required when network_mode is private_endpoint."

  validation {
    condition     = var.private_endpoint_subnet_id == null || can(regex(local.subnet_id_pattern, coalesce(var.private_endpoint_subnet_id, "-")))
    error_message = "private_endpoint_subnet_id must be a subnet resource ID (/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/…/subnets/…)."
  }

  validation {
    condition     = local.network_mode != "private_endpoint" || var.private_endpoint_subnet_id != null
    error_message = "network_mode private_endpoint (the prod default) needs private_endpoint_subnet_id."
  }
}

variable "private_dns_zone_ids" {
  type = object({
    foundry = optional(list(string), [])
    redis   = optional(list(string), [])
  })
  default     = {}
  nullable    = false
  description = "Private DNS zones the private endpoints register in (foundry: privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com, privatelink.services.ai.azure.com; redis: privatelink.redis.azure.net)."

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
  description = "Subnet for the Container Apps environment (a /23 or larger, delegated as Container Apps requires); required with private endpoints so the app can reach them."

  validation {
    condition     = var.container_apps_subnet_id == null || can(regex(local.subnet_id_pattern, coalesce(var.container_apps_subnet_id, "-")))
    error_message = "container_apps_subnet_id must be a subnet resource ID."
  }

  validation {
    condition     = local.network_mode != "private_endpoint" || var.container_apps_subnet_id != null
    error_message = "network_mode private_endpoint needs container_apps_subnet_id: the app must run in a VNet to reach the private endpoint."
  }
}

variable "allowed_ip_ranges" {
  type        = list(string)
  default     = []
  nullable    = false
  description = "Public IPv4 addresses or CIDR ranges allowed through the Foundry resource's network ACL (network_acls mode)."

  validation {
    condition     = alltrue([for r in var.allowed_ip_ranges : can(cidrhost(strcontains(r, "/") ? r : "${r}/32", 0))])
    error_message = "allowed_ip_ranges must contain IPv4 addresses or CIDR ranges such as 203.0.113.0/24."
  }
}

variable "allowed_subnet_ids" {
  type        = list(string)
  default     = []
  nullable    = false
  description = "Subnets (with the Microsoft.CognitiveServices service endpoint) allowed through the network ACL (network_acls mode)."

  validation {
    condition     = alltrue([for s in var.allowed_subnet_ids : can(regex(local.subnet_id_pattern, s))])
    error_message = "allowed_subnet_ids must contain subnet resource IDs."
  }

  validation {
    condition     = local.network_mode != "network_acls" || length(var.allowed_subnet_ids) + length(var.allowed_ip_ranges) > 0
    error_message = "network_mode network_acls denies everything by default: give allowed_subnet_ids or allowed_ip_ranges."
  }
}

# --- the app ----------------------------------------------------------------------------

variable "container_image" {
  type        = string
  nullable    = false
  description = "Image of the app that uses the library, pinned to a tag or digest."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.:/_@-]*$", var.container_image)) && !endswith(var.container_image, ":latest")
    error_message = "container_image must be an image reference in lowercase without spaces, pinned to a tag or digest other than :latest."
  }
}

variable "container_cpu" {
  type        = number
  default     = 0.5
  nullable    = false
  description = "vCPU of the app container (0.25 to 4 in steps of 0.25)."

  validation {
    condition     = var.container_cpu >= 0.25 && var.container_cpu <= 4 && floor(var.container_cpu * 4) == var.container_cpu * 4
    error_message = "container_cpu must be between 0.25 and 4 in steps of 0.25."
  }
}

variable "container_memory" {
  type        = string
  default     = "1Gi"
  nullable    = false
  description = "Memory of the app container; Container Apps needs twice the vCPU in Gi (0.5 vCPU -> 1Gi)."

  validation {
    condition     = var.container_memory == format("%gGi", var.container_cpu * 2)
    error_message = "container_memory must be twice container_cpu in Gi, e.g. 0.5 -> \"1Gi\", 1 -> \"2Gi\"."
  }
}

variable "container_port" {
  type        = number
  default     = 8080
  nullable    = false
  description = "Port the app listens on (ingress target port)."

  validation {
    condition     = var.container_port >= 1 && var.container_port <= 65535 && floor(var.container_port) == var.container_port
    error_message = "container_port must be a whole number between 1 and 65535."
  }
}

variable "container_min_replicas" {
  type        = number
  default     = 1
  nullable    = false
  description = "Minimum replicas of the app (0 lets it scale to zero)."

  validation {
    condition     = var.container_min_replicas >= 0 && var.container_min_replicas <= 300 && floor(var.container_min_replicas) == var.container_min_replicas
    error_message = "container_min_replicas must be a whole number between 0 and 300."
  }
}

variable "container_max_replicas" {
  type        = number
  default     = 3
  nullable    = false
  description = "Maximum replicas of the app."

  validation {
    condition     = var.container_max_replicas >= 1 && var.container_max_replicas <= 300 && floor(var.container_max_replicas) == var.container_max_replicas && var.container_max_replicas >= var.container_min_replicas
    error_message = "container_max_replicas must be a whole number between 1 and 300 and at least container_min_replicas."
  }
}

variable "container_registry_server" {
  type        = string
  default     = null
  description = "Login server of a private registry (e.g. myregistry.azurecr.io) pulled with the app's managed identity; null for a public image."

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
  nullable    = false
  description = "Retention of the Log Analytics workspace the app logs to."

  validation {
    condition     = var.log_retention_days >= 30 && var.log_retention_days <= 730 && floor(var.log_retention_days) == var.log_retention_days
    error_message = "log_retention_days must be a whole number between 30 and 730."
  }
}

# --- optional features -----------------------------------------------------------------

variable "bing_grounding_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Create the Grounding with Bing Search resource and its project connection (BING_CONNECTION_ID)."
}

variable "bing_key_version" {
  type        = number
  default     = 1
  nullable    = false
  description = "Increase after rotating the Bing key: the connection's write-only key is only sent when this changes."

  validation {
    condition     = var.bing_key_version >= 1 && floor(var.bing_key_version) == var.bing_key_version
    error_message = "bing_key_version must be a whole number of at least 1."
  }
}

variable "redis_enabled" {
  type        = bool
  default     = false
  nullable    = false
  description = "Create an Azure Managed Redis instance (Entra ID auth, TLS) for the task queue."
}

variable "redis_sku_name" {
  type        = string
  default     = "Balanced_B0"
  nullable    = false
  description = "Azure Managed Redis SKU, e.g. Balanced_B0 or MemoryOptimized_M10."

  validation {
    condition     = can(regex("^(Balanced_B|ComputeOptimized_X|MemoryOptimized_M|FlashOptimized_A)[0-9]+$", var.redis_sku_name))
    error_message = "redis_sku_name must be an Azure Managed Redis SKU such as Balanced_B0, ComputeOptimized_X5 or MemoryOptimized_M10."
  }
}

variable "external_redis_url" {
  type        = string
  default     = null
  description = "REDIS_URL of an existing Redis when redis_enabled is false: redis:// or rediss:// with host and port, never a password."

  validation {
    condition     = var.external_redis_url == null || can(regex("^rediss?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[0-9]{1,2})?$", coalesce(var.external_redis_url, "-")))
    error_message = "external_redis_url must be redis://host[:port][/db] or rediss://… without user or password: use Entra ID or a secret store for credentials."
  }

  validation {
    condition     = var.environment != "prod" || var.external_redis_url == null || startswith(coalesce(var.external_redis_url, "-"), "rediss://")
    error_message = "prod needs TLS to Redis: external_redis_url must start with rediss://."
  }

  validation {
    condition     = !(var.redis_enabled && var.external_redis_url != null)
    error_message = "Set either redis_enabled or external_redis_url, not both."
  }
}

# --- values known only after the resources exist (wired by the root module) -------------

variable "identity_client_id" {
  type        = string
  description = "Client ID of the user-assigned identity the app runs as (AZURE_CLIENT_ID)."

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", var.identity_client_id))
    error_message = "identity_client_id must be a GUID."
  }
}

variable "project_id" {
  type        = string
  description = "Resource ID of the Foundry project; BING_CONNECTION_ID is built from it."

  validation {
    condition     = can(regex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.CognitiveServices/accounts/[^/]+/projects/[^/]+$", var.project_id))
    error_message = "project_id must be a Foundry project ID: /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/{a}/projects/{p}."
  }
}

variable "redis_hostname" {
  type        = string
  default     = null
  description = "Host name of the Managed Redis instance, when redis_enabled."

  validation {
    condition     = !var.redis_enabled || var.redis_hostname != null
    error_message = "redis_enabled needs redis_hostname (the root module wires it from azurerm_managed_redis)."
  }
}

variable "redis_port" {
  type        = number
  default     = 10000
  nullable    = false
  description = "TLS port of the Managed Redis database (Azure Managed Redis listens on 10000)."

  validation {
    condition     = var.redis_port >= 1 && var.redis_port <= 65535
    error_message = "redis_port must be between 1 and 65535."
  }
}
