package io.github.foundryagents.spring.properties;

import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.config.PathStyle;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code foundry.agents.*} property, immutable once bound. The settings the guidance reads from environment
 * variables fall back to those variables ({@code AZURE_OPENAI_ENDPOINT}, {@code AZURE_CLIENT_ID}, …) when the
 * property is not set, so an app deployed by the Terraform module needs no property at all. {@code toString()}
 * never shows the API key or the webhook secret.
 *
 * @param enabled whether the starter configures anything at all
 * @param endpoint Azure OpenAI / AI Services resource endpoint, e.g. https://my-resource.openai.azure.com. Falls back
 *     to AZURE_OPENAI_ENDPOINT. Required.
 * @param managedIdentityClientId client id of the user-assigned managed identity that DefaultAzureCredential uses.
 *     Falls back to AZURE_CLIENT_ID.
 * @param apiKey an Azure OpenAI API key, used instead of Microsoft Entra ID only when set here; masked everywhere.
 *     Prefer managed identity. The Agent Service never uses it.
 * @param deployments deployment aliases: the name code uses (gpt4, gpt4-mini or your own) to the Azure deployment
 *     name. gpt4 and gpt4-mini fall back to AZURE_OPENAI_DEPLOYMENT_GPT4 and AZURE_OPENAI_DEPLOYMENT_GPT4_MINI,
 *     then gpt-4o and gpt-4o-mini.
 * @param apiVersion api-version of deployment-path chat calls. Falls back to AZURE_OPENAI_API_VERSION, then 2024-10-21.
 * @param pathStyle chat URL form: v1 (/openai/v1/chat/completions) or deployment
 *     (/openai/deployments/{name}/chat/completions?api-version=...)
 * @param allowNonAzureHost accept an endpoint that is not an Azure OpenAI host, such as an API Management gateway
 * @param agentService Agent Service API of grounded agents: classic or responses. Falls back to
 *     FOUNDRY_AGENT_SERVICE, then classic.
 * @param retry retries of failed chat calls, honouring Azure's retry-after headers
 * @param pacing client-side TPM/RPM pacing per deployment
 * @param router model router: picks a deployment by prompt complexity
 * @param spillOver fallback deployments for saturated or failing ones
 * @param cache response cache
 * @param usage usage metering, monthly quotas and prices
 * @param agent the tool-calling agent that runs tasks
 * @param grounded the Bing-grounded agent on the Foundry Agent Service
 * @param queue the task queue
 * @param worker the task worker running in this application
 * @param tasks agent tasks
 * @param webhook signed task webhooks
 * @param redis the Redis connection of the Redis queue, task store, cache and usage store
 * @param jdbc the JDBC task and usage stores
 * @param web the /tasks REST API
 * @param health the Actuator health indicator
 */
@ConfigurationProperties(prefix = FoundryAgentsProperties.PREFIX)
public record FoundryAgentsProperties(
        @DefaultValue("true") boolean enabled,
        String endpoint,
        String managedIdentityClientId,
        String apiKey,
        Map<String, String> deployments,
        String apiVersion,
        @DefaultValue("v1") PathStyle pathStyle,
        @DefaultValue("false") boolean allowNonAzureHost,
        AgentServiceGeneration agentService,
        @NestedConfigurationProperty @DefaultValue RetryProperties retry,
        @NestedConfigurationProperty @DefaultValue PacingProperties pacing,
        @NestedConfigurationProperty @DefaultValue RouterProperties router,
        @NestedConfigurationProperty @DefaultValue SpillOverProperties spillOver,
        @NestedConfigurationProperty @DefaultValue CacheProperties cache,
        @NestedConfigurationProperty @DefaultValue UsageProperties usage,
        @NestedConfigurationProperty @DefaultValue AgentProperties agent,
        @NestedConfigurationProperty @DefaultValue GroundedProperties grounded,
        @NestedConfigurationProperty @DefaultValue QueueProperties queue,
        @NestedConfigurationProperty @DefaultValue WorkerProperties worker,
        @NestedConfigurationProperty @DefaultValue TasksProperties tasks,
        @NestedConfigurationProperty @DefaultValue WebhookProperties webhook,
        @NestedConfigurationProperty @DefaultValue RedisProperties redis,
        @NestedConfigurationProperty @DefaultValue JdbcProperties jdbc,
        @NestedConfigurationProperty @DefaultValue WebProperties web,
        @NestedConfigurationProperty @DefaultValue HealthProperties health) {

    /** The prefix of every property. */
    public static final String PREFIX = "foundry.agents";

    /**
     * Copies the aliases.
     *
     * @param enabled whether the starter configures anything at all
     * @param endpoint Azure OpenAI / AI Services resource endpoint, e.g. https://my-resource.openai.azure.com. Falls back
     *         to AZURE_OPENAI_ENDPOINT. Required.
     * @param managedIdentityClientId client id of the user-assigned managed identity that DefaultAzureCredential uses.
     *         Falls back to AZURE_CLIENT_ID.
     * @param apiKey an Azure OpenAI API key, used instead of Microsoft Entra ID only when set here; masked everywhere.
     *         Prefer managed identity. The Agent Service never uses it.
     * @param deployments deployment aliases: the name code uses (gpt4, gpt4-mini or your own) to the Azure deployment
     *         name. gpt4 and gpt4-mini fall back to AZURE_OPENAI_DEPLOYMENT_GPT4 and AZURE_OPENAI_DEPLOYMENT_GPT4_MINI,
     *         then gpt-4o and gpt-4o-mini.
     * @param apiVersion api-version of deployment-path chat calls. Falls back to AZURE_OPENAI_API_VERSION, then 2024-10-21.
     * @param pathStyle chat URL form: v1 (/openai/v1/chat/completions) or deployment
     *         (/openai/deployments/{name}/chat/completions?api-version=...)
     * @param allowNonAzureHost accept an endpoint that is not an Azure OpenAI host, such as an API Management gateway
     * @param agentService Agent Service API of grounded agents: classic or responses. Falls back to
     *         FOUNDRY_AGENT_SERVICE, then classic.
     * @param retry retries of failed chat calls, honouring Azure's retry-after headers
     * @param pacing client-side TPM/RPM pacing per deployment
     * @param router model router: picks a deployment by prompt complexity
     * @param spillOver fallback deployments for saturated or failing ones
     * @param cache response cache
     * @param usage usage metering, monthly quotas and prices
     * @param agent the tool-calling agent that runs tasks
     * @param grounded the Bing-grounded agent on the Foundry Agent Service
     * @param queue the task queue
     * @param worker the task worker running in this application
     * @param tasks agent tasks
     * @param webhook signed task webhooks
     * @param redis the Redis connection of the Redis queue, task store, cache and usage store
     * @param jdbc the JDBC task and usage stores
     * @param web the /tasks REST API
     * @param health the Actuator health indicator
     */
    public FoundryAgentsProperties {
        deployments = deployments == null ? Map.of() : Map.copyOf(deployments);
    }

    @Override
    public String toString() {
        return "FoundryAgentsProperties{endpoint=" + endpoint + ", auth=" + (apiKey == null ? "entra-id" : "api-key ****")
                + ", deployments=" + deployments + ", queue=" + queue + ", tasks=" + tasks + ", webhook=" + webhook + '}';
    }
}
