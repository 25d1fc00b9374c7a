package io.github.foundryagents.spring.tools;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.tools.ToolRegistry;
import io.github.foundryagents.spring.client.FoundryClientAutoConfiguration;
import io.github.foundryagents.spring.properties.AgentProperties;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The tool-calling {@link Agent} with every {@code @Tool} method of the application's beans. A tool bean must not
 * depend on the {@link Agent} or the {@link ToolRegistry} itself (inject an {@code ObjectProvider} if it must).
 */
@AutoConfiguration(after = FoundryClientAutoConfiguration.class)
@ConditionalOnBean(AgentClient.class)
public class FoundryToolsAutoConfiguration {

    /**
     * @param beans the application's beans
     * @param properties the properties
     * @return the tools of every bean with {@code @Tool} methods
     */
    @Bean
    @ConditionalOnMissingBean
    public ToolRegistry foundryToolRegistry(ConfigurableListableBeanFactory beans, FoundryAgentsProperties properties) {
        return ToolBeans.registry(beans, properties.agent().strictTools());
    }

    /**
     * @param client the client whose pipeline every turn goes through
     * @param tools the tools
     * @param properties the properties
     * @return the agent that runs tasks
     */
    @Bean
    @ConditionalOnMissingBean
    public Agent foundryAgent(AgentClient client, ToolRegistry tools, FoundryAgentsProperties properties) {
        AgentProperties p = properties.agent();
        Agent.Builder agent = client.agent().tools(tools).deployment(p.deployment()).temperature(p.temperature())
                .maxTokens(p.maxTokens()).maxIterations(p.maxIterations()).toolTimeout(p.toolTimeout())
                .timeout(p.timeout()).unknownToolPolicy(p.unknownToolPolicy());
        if (p.instructions() != null) {
            agent.instructions(p.instructions());
        }
        return agent.build();
    }
}
