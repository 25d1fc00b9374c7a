package io.github.foundryagents.spring.client;

import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import io.github.foundryagents.spring.properties.GroundedProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * Turns the properties into the core's {@link FoundryConfig}: the seed environment variables first (read through
 * Spring's {@link Environment}, so they may also come from system properties or a config file), then every
 * {@code foundry.agents.*} property that is set, on top. The core validates the result and reports every problem
 * at once.
 */
final class FoundryConfigFactory {

    /** The variables the guidance and the Terraform module use, in the core's names. */
    static final List<String> SEED_VARIABLES = List.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, FoundryEnv.AZURE_CLIENT_ID,
            FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4, FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4_MINI,
            FoundryEnv.AZURE_OPENAI_API_VERSION, FoundryEnv.PROJECT_ENDPOINT, FoundryEnv.MODEL_DEPLOYMENT_NAME,
            FoundryEnv.BING_CONNECTION_ID, FoundryEnv.FOUNDRY_AGENT_SERVICE, FoundryEnv.AZURE_OPENAI_API_KEY,
            FoundryEnv.FOUNDRY_AGENTS_ALLOW_API_KEY);

    private FoundryConfigFactory() {
    }

    static FoundryConfig create(FoundryAgentsProperties p, Environment environment) {
        Map<String, String> seeds = new HashMap<>();
        for (String name : SEED_VARIABLES) {
            String value = environment.getProperty(name);
            if (value != null) {
                seeds.put(name, value);
            }
        }
        if (p.apiKey() != null) {
            // the property is the explicit opt-in; the key variable's refusal does not apply to it
            seeds.remove(FoundryEnv.AZURE_OPENAI_API_KEY);
        }
        FoundryConfig.Builder b = FoundryConfig.builderFrom(seeds);
        if (p.endpoint() != null) {
            b.endpoint(p.endpoint());
        }
        if (p.managedIdentityClientId() != null) {
            b.managedIdentityClientId(p.managedIdentityClientId());
        }
        p.deployments().forEach(b::deployment);
        if (p.apiVersion() != null) {
            b.apiVersion(p.apiVersion());
        }
        b.pathStyle(p.pathStyle());
        b.allowNonAzureHost(p.allowNonAzureHost());
        if (p.agentService() != null) {
            b.agentService(p.agentService());
        }
        if (p.apiKey() != null) {
            b.apiKey(p.apiKey());
        }
        GroundedProperties g = p.grounded();
        if (g.projectEndpoint() != null) {
            b.projectEndpoint(g.projectEndpoint());
        }
        if (g.modelDeployment() != null) {
            b.modelDeploymentName(g.modelDeployment());
        }
        if (g.bingConnectionId() != null) {
            b.bingConnectionId(g.bingConnectionId());
        }
        return b.build();
    }
}
