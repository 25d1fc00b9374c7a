package io.github.foundryagents.spring.redis;

import io.github.foundryagents.core.cache.ResponseCache;
import io.github.foundryagents.core.tasks.TaskQueue;
import io.github.foundryagents.core.tasks.TaskStore;
import io.github.foundryagents.core.usage.UsageStore;
import io.github.foundryagents.redis.RedisConnections;
import io.github.foundryagents.redis.cache.RedisResponseCache;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.github.foundryagents.redis.store.RedisTaskStore;
import io.github.foundryagents.redis.usage.RedisUsageStore;
import io.github.foundryagents.spring.condition.ConditionalOnAutoOr;
import io.github.foundryagents.spring.condition.OnRedisConfigured;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import io.github.foundryagents.spring.properties.QueueProperties;
import io.lettuce.core.RedisClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The Redis pieces, only when the {@code foundry-agents-redis-queue} module is on the classpath and a Redis URL is
 * configured ({@code foundry.agents.redis.url} or {@code REDIS_URL}): the BullMQ-compatible task queue, the Redis
 * task and usage stores (unless JDBC stores were configured, or the properties choose others), and the shared
 * response cache when {@code foundry.agents.cache.type=redis}.
 */
@AutoConfiguration(afterName = "io.github.foundryagents.spring.jdbc.FoundryJdbcAutoConfiguration")
@ConditionalOnClass({RedisTaskQueue.class, RedisClient.class})
@Conditional(OnRedisConfigured.class)
@ConditionalOnProperty(prefix = FoundryAgentsProperties.PREFIX, name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(FoundryAgentsProperties.class)
public class FoundryRedisAutoConfiguration {

    /**
     * @param properties the properties
     * @param environment where {@code REDIS_URL} is read
     * @return a Lettuce client that reconnects by itself; shut down with the application
     */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean
    public RedisClient foundryRedisClient(FoundryAgentsProperties properties, Environment environment) {
        String url = properties.redis().url() != null ? properties.redis().url()
                : environment.getProperty(OnRedisConfigured.VARIABLE);
        return RedisConnections.client(url, null);
    }

    /**
     * @param client the Redis client
     * @param properties the properties
     * @return the BullMQ-compatible queue
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(TaskQueue.class)
    @ConditionalOnAutoOr(property = "foundry.agents.queue.type", value = "redis")
    public RedisTaskQueue foundryRedisTaskQueue(RedisClient client, FoundryAgentsProperties properties) {
        QueueProperties p = properties.queue();
        return RedisTaskQueue.builder().client(client).queue(p.name()).prefix(p.prefix()).build();
    }

    /**
     * @param client the Redis client
     * @return the response cache shared by every instance, for {@code foundry.agents.cache.type=redis}
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ResponseCache.class)
    @ConditionalOnProperty(prefix = "foundry.agents.cache", name = "type", havingValue = "redis")
    public RedisResponseCache foundryRedisResponseCache(RedisClient client) {
        return RedisResponseCache.create(client);
    }

    /**
     * @param client the Redis client
     * @return the usage store shared by every instance, so they enforce one monthly quota
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(UsageStore.class)
    @ConditionalOnAutoOr(property = "foundry.agents.usage.store", value = "redis")
    public RedisUsageStore foundryRedisUsageStore(RedisClient client) {
        return RedisUsageStore.create(client);
    }

    /**
     * @param client the Redis client
     * @return the Redis task store
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(TaskStore.class)
    @ConditionalOnAutoOr(property = "foundry.agents.tasks.store", value = "redis")
    public RedisTaskStore foundryRedisTaskStore(RedisClient client) {
        return RedisTaskStore.create(client);
    }
}
