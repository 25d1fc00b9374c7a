package io.github.foundryagents.spring.properties;

/**
 * {@code foundry.agents.redis.*}: the Redis connection of the Redis queue, task store, cache and usage store.
 *
 * @param url redis://[user:password@]host[:port][/db] or rediss://... Falls back to REDIS_URL. Without it no Redis
 *     piece is configured
 */
public record RedisProperties(String url) {

    @Override
    public String toString() {
        return "RedisProperties{url=" + (url == null ? "none" : "set") + '}';
    }
}
