package io.github.foundryagents.spring.actuate;

import com.azure.core.credential.TokenCredential;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.spring.client.FoundryClientAutoConfiguration;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import io.github.foundryagents.spring.properties.HealthProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code foundryAgents} health indicator, when Spring Boot's health support is on the classpath. Turn it off
 * with {@code management.health.foundry-agents.enabled=false}.
 */
@AutoConfiguration(after = FoundryClientAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AgentClient.class)
@ConditionalOnEnabledHealthIndicator("foundry-agents")
public class FoundryHealthAutoConfiguration {

    /**
     * @param client the client
     * @param credential the Entra ID credential, when there is one
     * @param properties the properties
     * @return the cached health indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "foundryAgentsHealthIndicator", value = FoundryHealthIndicator.class)
    public FoundryHealthIndicator foundryAgentsHealthIndicator(AgentClient client,
            ObjectProvider<TokenCredential> credential, FoundryAgentsProperties properties) {
        HealthProperties p = properties.health();
        List<String> deployments = p.deployments().isEmpty()
                ? new ArrayList<>(client.config().deployments().aliases().keySet()) : p.deployments();
        return new FoundryHealthIndicator(client, credential.getIfUnique(), deployments, p.cacheTtl(), p.timeout(),
                Clock.systemUTC());
    }
}
