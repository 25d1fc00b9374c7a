package io.github.foundryagents.spring.client;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.cache.ResponseCache;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.usage.InMemoryUsageStore;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.usage.UsageStore;
import io.github.foundryagents.spring.diagnostics.ConfigurationProblems;
import io.github.foundryagents.spring.properties.CacheProperties;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import io.github.foundryagents.spring.properties.StoreType;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link AgentClient}: configuration from {@code foundry.agents.*} and the seed environment variables, managed
 * identity by default, the application's {@link MeterRegistry}, retries and pacing, and the router, spill-over,
 * cache and usage steps the properties turn on. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "io.github.foundryagents.spring.jdbc.FoundryJdbcAutoConfiguration",
    "io.github.foundryagents.spring.redis.FoundryRedisAutoConfiguration"})
@ConditionalOnProperty(prefix = FoundryAgentsProperties.PREFIX, name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(FoundryAgentsProperties.class)
public class FoundryClientAutoConfiguration {

    /**
     * @param properties the properties
     * @param environment where the seed variables are read
     * @return the validated configuration
     */
    @Bean
    @ConditionalOnMissingBean
    public FoundryConfig foundryConfig(FoundryAgentsProperties properties, Environment environment) {
        return FoundryConfigFactory.create(properties, environment);
    }

    /**
     * Managed identity first: {@code DefaultAzureCredential} with the configured user-assigned identity. Creating
     * it contacts nothing; tokens are fetched on the first call.
     *
     * @param config the configuration
     * @return the credential for Azure OpenAI and the Agent Service
     */
    @Bean
    @ConditionalOnMissingBean
    public TokenCredential foundryAgentsCredential(FoundryConfig config) {
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
        config.managedIdentityClientId().ifPresent(builder::managedIdentityClientId);
        return builder.build();
    }

    /**
     * The in-memory usage store, when no JDBC or Redis store was configured.
     *
     * @param properties the properties
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public UsageStore foundryUsageStore(FoundryAgentsProperties properties) {
        StoreType type = properties.usage().store();
        if (type == StoreType.JDBC || type == StoreType.REDIS) {
            throw ConfigurationProblems.storeUnavailable("foundry.agents.usage.store", type);
        }
        return new InMemoryUsageStore();
    }

    /**
     * @param properties the properties
     * @param store where per-user usage is kept
     * @return store, prices, monthly limit and its time zone
     */
    @Bean
    @ConditionalOnMissingBean
    public UsageOptions foundryUsageOptions(FoundryAgentsProperties properties, UsageStore store) {
        return ClientFeatures.usage(properties.usage(), store);
    }

    /**
     * @param properties the properties
     * @param config the configuration
     * @param credential the Entra ID credential
     * @param usage usage metering and quotas (always on, so quotas and task usage work)
     * @param registry the application's meter registry, when there is one
     * @param cacheStores a shared response cache, for {@code foundry.agents.cache.type=redis}
     * @param customizers the application's adjustments, applied last
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public AgentClient foundryAgentClient(FoundryAgentsProperties properties, FoundryConfig config,
            TokenCredential credential, UsageOptions usage, ObjectProvider<MeterRegistry> registry,
            ObjectProvider<ResponseCache> cacheStores, ObjectProvider<AgentClientCustomizer> customizers) {
        AgentClient.Builder builder = AgentClient.builder().config(config).credential(credential).usage(usage)
                .retryPolicy(ClientFeatures.retry(properties.retry()))
                .pacing(ClientFeatures.pacing(properties.pacing(), config.deployments()));
        registry.ifUnique(builder::meterRegistry);
        if (properties.router().enabled()) {
            builder.router(ClientFeatures.router(properties.router()));
        }
        if (!properties.spillOver().fallbacks().isEmpty()) {
            builder.spillOver(ClientFeatures.spillOver(properties.spillOver()));
        }
        CacheProperties cache = properties.cache();
        switch (cache.type()) {
            case CAFFEINE -> builder.cache(ClientFeatures.cache(cache));
            case REDIS -> builder.cache(cacheStores.getIfAvailable(() -> {
                throw ConfigurationProblems.problem("foundry.agents.cache.type", "foundry.agents.cache.type=redis"
                        + " needs a shared ResponseCache: add foundry-agents-redis-queue and set"
                        + " foundry.agents.redis.url or REDIS_URL, or use foundry.agents.cache.type=caffeine");
            }), ClientFeatures.cache(cache));
            case NONE -> { }
            default -> throw new IllegalStateException("unknown cache type " + cache.type());
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }
}
