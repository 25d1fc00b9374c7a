package io.github.foundryagents.core.cache;

import io.github.foundryagents.core.chat.ChatResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Where cached answers live. The in-memory default is {@link CaffeineResponseCache}; a shared store (Redis) lets
 * several processes reuse each other's answers. The {@link CacheInterceptor} decides what is cached, computes
 * keys, coalesces concurrent identical misses and counts hits and misses; a store only stores.
 *
 * <p>Implementations must be thread-safe. A store that fails may throw: the interceptor logs it and calls Azure
 * as if the entry were absent. A store that evicts should register {@code cache.evictions} (tag
 * {@code cache=}{@value #METRICS_NAME}) when it is also a Micrometer {@code MeterBinder}.
 */
public interface ResponseCache {

    /** Value of the {@code cache} tag on every cache meter. */
    String METRICS_NAME = "foundry-agents-chat";

    /**
     * @param key the call's key
     * @return the stored answer, if present and not expired
     */
    Optional<ChatResponse> get(CacheKey key);

    /**
     * @param key the call's key
     * @param response an answer that finished with {@code stop} and asked for no tool calls
     * @param ttl how long the answer may be served
     */
    void put(CacheKey key, ChatResponse response, Duration ttl);
}
