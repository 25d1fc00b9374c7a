package io.github.foundryagents.redis.cache;

import io.github.foundryagents.core.cache.CacheKey;
import io.github.foundryagents.core.cache.ResponseCache;
import io.github.foundryagents.core.chat.ChatResponse;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ResponseCache} in Redis, so every instance of an application serves answers any of them paid for.
 * Each answer is one string key {@code {prefix}:cache:<cache key>} holding versioned JSON, written with
 * {@code SET … PX ttl}: Redis expires entries by itself (so there is no eviction meter; bound memory with
 * {@code maxmemory} and a {@code volatile-*} policy, or short time-to-lives). An entry that cannot be read (written
 * by another library version, or damaged) is a miss and is overwritten by the next answer. Keys are single and
 * spread over Redis Cluster slots. A Redis failure throws, and the cache interceptor treats it as a miss.
 *
 * <pre>{@code
 * AgentClient client = AgentClient.builder()…
 *         .cache(RedisResponseCache.create(RedisConnections.fromEnvironment()), CacheOptions.defaults())
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class RedisResponseCache implements ResponseCache, AutoCloseable {

    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String prefix;

    /**
     * @param client a Lettuce client (not shut down by the cache)
     * @param prefix key prefix, e.g. {@code foundry}
     */
    public RedisResponseCache(RedisClient client, String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.connection = client.connect();
        this.redis = connection.sync();
    }

    /**
     * @param client a Lettuce client
     * @return a cache with prefix {@code foundry}
     */
    public static RedisResponseCache create(RedisClient client) {
        return new RedisResponseCache(client, "foundry");
    }

    @Override
    public Optional<ChatResponse> get(CacheKey key) {
        String stored = redis.get(key(key));
        return stored == null ? Optional.empty() : ResponseJson.read(stored);
    }

    @Override
    public void put(CacheKey key, ChatResponse response, Duration ttl) {
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("a cache time-to-live must be at least 1 ms, got " + ttl);
        }
        redis.set(key(key), ResponseJson.write(response),
                SetArgs.Builder.px(ttl.toMillis()));
    }

    private String key(CacheKey key) {
        return prefix + ":cache:" + key.value();
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "RedisResponseCache{prefix=" + prefix + '}';
    }
}
