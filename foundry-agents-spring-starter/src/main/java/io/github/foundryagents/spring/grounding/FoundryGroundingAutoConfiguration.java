package io.github.foundryagents.spring.grounding;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAgentBuilder;
import io.github.foundryagents.core.grounding.PollBudget;
import io.github.foundryagents.core.grounding.WaitStrategy;
import io.github.foundryagents.spring.client.FoundryClientAutoConfiguration;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import io.github.foundryagents.spring.properties.GroundedProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * The grounded agent on the Foundry Agent Service, when a project endpoint is configured. The bean is lazy: the
 * agent is created on the service by its first task, so start-up needs no call to Azure, and deleted when the
 * application stops.
 */
@AutoConfiguration(after = FoundryClientAutoConfiguration.class)
@ConditionalOnBean(AgentClient.class)
@Conditional(OnGroundingConfigured.class)
public class FoundryGroundingAutoConfiguration {

    /**
     * @param client the client (project endpoint, model deployment, Bing connection, credential)
     * @param properties the properties
     * @return the grounded agent, created on the service when first used
     */
    @Bean(destroyMethod = "delete")
    @Lazy
    @ConditionalOnMissingBean
    public GroundedAgent foundryGroundedAgent(AgentClient client, FoundryAgentsProperties properties) {
        GroundedProperties p = properties.grounded();
        GroundedAgentBuilder builder = client.groundedAgent().name(p.name()).temperature(p.temperature())
                .verifyConnection(p.verifyConnection()).waitStrategy(waitStrategy(p));
        client.config().bingConnectionId()
                .ifPresent(id -> builder.bing(BingGrounding.connection(id).count(p.bingCount())));
        if (p.instructions() != null) {
            builder.instructions(p.instructions());
        }
        return builder.create();
    }

    static WaitStrategy waitStrategy(GroundedProperties p) {
        return switch (p.waitStrategy()) {
            case STREAMING -> WaitStrategy.streaming();
            case ADAPTIVE_POLLING -> WaitStrategy.adaptivePolling()
                    .withBudget(PollBudget.perMinute(p.pollBudgetPerMinute()));
            case FIXED_INTERVAL -> WaitStrategy.fixedInterval(p.pollInterval());
        };
    }
}
