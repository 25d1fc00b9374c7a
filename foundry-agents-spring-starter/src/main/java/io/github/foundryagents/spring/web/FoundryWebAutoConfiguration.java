package io.github.foundryagents.spring.web;

import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.usage.UsageMeter;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.spring.diagnostics.ConfigurationProblems;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import io.github.foundryagents.spring.properties.WebProperties;
import io.github.foundryagents.spring.tasks.FoundryTasksAutoConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;

/**
 * The /tasks REST API, opt-in with {@code foundry.agents.web.enabled=true}. Requests are made by the authenticated
 * Spring Security principal; without Spring Security the API refuses to start unless
 * {@code foundry.agents.web.dev-user} names a fixed user for local development.
 */
@AutoConfiguration(after = FoundryTasksAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({RestController.class, HttpServletRequest.class})
@ConditionalOnProperty(prefix = "foundry.agents.web", name = "enabled", havingValue = "true")
@ConditionalOnBean(AgentTaskService.class)
public class FoundryWebAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FoundryWebAutoConfiguration.class);
    private static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

    /**
     * @param properties the properties
     * @return premium by role or by name
     */
    @Bean
    @ConditionalOnMissingBean
    public TierResolver foundryTierResolver(FoundryAgentsProperties properties) {
        return new RoleTierResolver(properties.web().premiumRole(), properties.web().premiumUsers());
    }

    /**
     * @param tasks the task service
     * @param webhooks the webhook sender, when webhooks are configured
     * @param tiers the tier resolver
     * @param client the client, whose usage meter checks the monthly limit
     * @param usage the usage options, for a client built without metering
     * @param registry the application's meter registry
     * @param properties the properties
     * @param beans to find a Spring Security filter chain
     * @return the controller, unless the application defines a bean named {@code foundryTasksController} (its own
     *     {@code /tasks} controller)
     */
    @Bean
    @ConditionalOnMissingBean(name = "foundryTasksController")
    public TasksController foundryTasksController(AgentTaskService tasks, ObjectProvider<WebhookNotifier> webhooks,
            TierResolver tiers, AgentClient client, UsageOptions usage, ObjectProvider<MeterRegistry> registry,
            FoundryAgentsProperties properties, ListableBeanFactory beans) {
        WebProperties web = properties.web();
        requireAuthentication(web.devUser(), beans);
        TaskRequestReader reader = new TaskRequestReader(web.maxPromptLength(), web.maxContextSize().toBytes(),
                webhooks.getIfAvailable());
        UsageMeter meter = client.usage().orElseGet(() -> new UsageMeter(
                registry.getIfUnique(() -> Metrics.globalRegistry), usage));
        return new TasksController(tasks, reader, new TaskUsers(web.devUser()), tiers, meter,
                properties.tasks().defaultAgent());
    }

    /**
     * @return the problem+json error mapping of the API, unless the application defines a bean named
     *     {@code foundryTaskProblems} (its own error mapping)
     */
    @Bean
    @ConditionalOnMissingBean(name = "foundryTaskProblems")
    public TaskProblems foundryTaskProblems() {
        return new TaskProblems(Clock.systemUTC());
    }

    static void requireAuthentication(String devUser, ListableBeanFactory beans) {
        if (devUser != null) {
            LOG.warn("foundry.agents.web.dev-user={}: the /tasks API serves EVERY request as '{}' WITHOUT"
                    + " AUTHENTICATION. This is for local development only; never use it in production.", devUser,
                    devUser);
            return;
        }
        ClassLoader loader = FoundryWebAutoConfiguration.class.getClassLoader();
        boolean secured = ClassUtils.isPresent(SECURITY_FILTER_CHAIN, loader) && beans.getBeanNamesForType(
                ClassUtils.resolveClassName(SECURITY_FILTER_CHAIN, loader), true, false).length > 0;
        if (!secured) {
            throw ConfigurationProblems.problem("foundry.agents.web.dev-user", "foundry.agents.web.enabled=true but"
                    + " the application has no Spring Security filter chain, so every caller would be anonymous:"
                    + " add spring-boot-starter-security and configure authentication (the user's name becomes the"
                    + " task owner), or, for local development only, set foundry.agents.web.dev-user to a fixed user");
        }
    }
}
