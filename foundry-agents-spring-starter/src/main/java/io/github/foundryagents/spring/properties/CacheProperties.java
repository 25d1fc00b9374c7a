package io.github.foundryagents.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.cache.*}: the response cache.
 *
 * @param type where answers are cached: none (off), caffeine (in memory) or redis (shared; needs the Redis module
 *     and a connection)
 * @param ttl how long an answer is served from the cache
 * @param maximumSize the most entries of the in-memory cache
 * @param cacheTemperatureZero cache requests with temperature 0 without an explicit opt-in
 * @param scopePerUser keep entries private to the request's user id
 */
public record CacheProperties(
        @DefaultValue("none") Type type,
        @DefaultValue("1h") Duration ttl,
        @DefaultValue("10000") long maximumSize,
        @DefaultValue("false") boolean cacheTemperatureZero,
        @DefaultValue("false") boolean scopePerUser) {

    /** Where answers are cached. */
    public enum Type {
        /** No cache. */
        NONE,
        /** Caffeine, in this process. */
        CAFFEINE,
        /** Redis, shared by every instance. */
        REDIS
    }
}
