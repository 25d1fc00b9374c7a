package io.github.foundryagents.spring.tasks;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.config.Secret;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.InMemoryTaskQueue;
import io.github.foundryagents.core.tasks.InMemoryTaskStore;
import io.github.foundryagents.core.tasks.TaskQueue;
import io.github.foundryagents.core.tasks.TaskRunner;
import io.github.foundryagents.core.tasks.TaskStore;
import io.github.foundryagents.core.tasks.TaskUsageListener;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.spring.client.FoundryClientAutoConfiguration;
import io.github.foundryagents.spring.diagnostics.ConfigurationProblems;
import io.github.foundryagents.spring.grounding.FoundryGroundingAutoConfiguration;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import io.github.foundryagents.spring.properties.QueueProperties;
import io.github.foundryagents.spring.properties.StoreType;
import io.github.foundryagents.spring.properties.WebhookProperties;
import io.github.foundryagents.spring.tools.FoundryToolsAutoConfiguration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * Agent tasks: the queue and the store (in memory unless the JDBC or Redis auto-configuration supplied durable
 * ones), the signed webhook sender, the runner wired to the tool-calling and grounded agents (which run as the
 * task's owner, so the client meters and quota-checks every call), the {@link AgentTaskService}, and the worker when
 * {@code foundry.agents.worker.enabled=true}.
 */
@AutoConfiguration(after = {FoundryClientAutoConfiguration.class, FoundryToolsAutoConfiguration.class,
    FoundryGroundingAutoConfiguration.class}, afterName = {"io.github.foundryagents.spring.jdbc.FoundryJdbcAutoConfiguration",
        "io.github.foundryagents.spring.redis.FoundryRedisAutoConfiguration"})
@ConditionalOnBean(AgentClient.class)
public class FoundryTasksAutoConfiguration {

    /**
     * @param properties the properties
     * @return an in-memory queue, when no Redis queue was configured
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public TaskQueue foundryTaskQueue(FoundryAgentsProperties properties) {
        QueueProperties p = properties.queue();
        if (p.type() == QueueProperties.Type.REDIS) {
            throw ConfigurationProblems.problem("foundry.agents.queue.type", "foundry.agents.queue.type=redis but"
                    + " no Redis queue could be configured: add foundry-agents-redis-queue and set"
                    + " foundry.agents.redis.url or REDIS_URL, or set foundry.agents.queue.type=in-memory");
        }
        return new InMemoryTaskQueue(p.name());
    }

    /**
     * @param properties the properties
     * @return an in-memory store, when no JDBC or Redis store was configured
     */
    @Bean
    @ConditionalOnMissingBean
    public TaskStore foundryTaskStore(FoundryAgentsProperties properties) {
        StoreType type = properties.tasks().store();
        if (type == StoreType.JDBC || type == StoreType.REDIS) {
            throw ConfigurationProblems.storeUnavailable("foundry.agents.tasks.store", type);
        }
        return new InMemoryTaskStore();
    }

    /**
     * @param properties the properties
     * @param sslBundles Spring's SSL bundles, for {@code foundry.agents.webhook.ssl-bundle}
     * @return the webhook sender, when a secret is configured
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "foundry.agents.webhook", name = "secret")
    public WebhookNotifier foundryWebhookNotifier(FoundryAgentsProperties properties,
            ObjectProvider<SslBundles> sslBundles) {
        WebhookProperties p = properties.webhook();
        WebhookNotifier.Builder builder = WebhookNotifier.builder().secret(Secret.of(p.secret()))
                .allowHttp(p.allowHttp()).timeout(p.timeout())
                .retry(WebhookNotifier.DEFAULT_RETRY.toBuilder().maxRetries(p.attempts() - 1).build());
        p.allow().forEach(builder::allow);
        if (p.sslBundle() != null) {
            SslBundles bundles = sslBundles.getIfAvailable(() -> {
                throw ConfigurationProblems.problem("foundry.agents.webhook.ssl-bundle", "foundry.agents.webhook"
                        + ".ssl-bundle is set but the application has no SSL bundles: define"
                        + " spring.ssl.bundle.jks." + p.sslBundle() + " (or .pem.) with the receivers' trust store");
            });
            builder.tls(bundles.getBundle(p.sslBundle()).createSslContext().getSocketFactory());
        }
        return builder.build();
    }

    /**
     * @param agent the tool-calling agent
     * @param grounded the grounded agent, when a project endpoint is configured; not created here
     * @param beans to see whether there is a grounded agent without creating it
     * @param properties the properties
     * @return the runner of every task
     */
    @Bean
    @ConditionalOnMissingBean
    public TaskRunner foundryTaskRunner(Agent agent, ObjectProvider<GroundedAgent> grounded, ListableBeanFactory beans,
            FoundryAgentsProperties properties) {
        boolean hasGrounded = beans.getBeanNamesForType(GroundedAgent.class, true, false).length > 0;
        return TaskRunners.create(agent, hasGrounded ? grounded::getObject : null, properties.tasks().defaultAgent());
    }

    /**
     * @param queue where jobs go
     * @param store where records live
     * @param runner runs the agents
     * @param webhooks the webhook sender, when configured
     * @param usage the application's listener of completed tasks' usage (e.g. billing), when it defines one; the
     *     tokens themselves are metered per call, as the task's owner, by the client
     * @param properties the properties
     * @return the task service
     */
    @Bean
    @ConditionalOnMissingBean
    public AgentTaskService foundryTaskService(TaskQueue queue, TaskStore store, TaskRunner runner,
            ObjectProvider<WebhookNotifier> webhooks, ObjectProvider<TaskUsageListener> usage,
            FoundryAgentsProperties properties) {
        return AgentTaskService.builder().queue(queue).store(store).runner(runner)
                .webhooks(webhooks.getIfAvailable()).usage(usage.getIfUnique())
                .jobOptions(TaskOptions.jobOptions(properties.queue()))
                .maxInputBytes(Math.toIntExact(properties.tasks().maxInputSize().toBytes()))
                .build();
    }

    /**
     * @param tasks the task service
     * @param properties the properties
     * @return the worker, started and stopped with the application
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "foundry.agents.worker", name = "enabled", havingValue = "true")
    public TaskWorkerLifecycle foundryTaskWorker(AgentTaskService tasks, FoundryAgentsProperties properties) {
        return new TaskWorkerLifecycle(tasks, TaskOptions.workerOptions(properties.worker()),
                properties.worker().closeTimeout());
    }
}
