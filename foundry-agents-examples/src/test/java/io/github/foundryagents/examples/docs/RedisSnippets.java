package io.github.foundryagents.examples.docs;

import com.azure.identity.DefaultAzureCredentialBuilder;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.redis.EntraIdRedisCredentials;
import io.github.foundryagents.redis.RedisConnections;
import io.github.foundryagents.redis.cache.RedisResponseCache;
import io.github.foundryagents.redis.usage.RedisUsageStore;
import io.lettuce.core.RedisClient;

/** Code shown in docs/redis.md; compiled by the build, checked by DocSnippetsTest. */
@SuppressWarnings("unused")
final class RedisSnippets {

    private RedisSnippets() {
    }

    static AgentClient sharedCacheAndQuota() {
        // snippet: redis#shared
        RedisClient redis = RedisConnections.fromEnvironment();           // REDIS_URL; one client per process
        AgentClient client = AgentClient.builder()
                .cache(RedisResponseCache.create(redis), CacheOptions.defaults())
                .usage(UsageOptions.builder()
                        .store(RedisUsageStore.create(redis))              // every instance sees every call
                        .monthlyTokenLimit(1_000_000)
                        .build())
                .build();
        // end-snippet
        return client;
    }

    static RedisClient entraId(String url, String principalObjectId) {
        // snippet: redis#entra-id
        // url = "rediss://<name>.<region>.redis.azure.net:10000" (no user, no password)
        RedisClient redis = RedisConnections.client(url, new EntraIdRedisCredentials(
                new DefaultAzureCredentialBuilder().build(), principalObjectId));
        // end-snippet
        return redis;
    }
}
