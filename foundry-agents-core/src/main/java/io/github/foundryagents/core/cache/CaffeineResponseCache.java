package io.github.foundryagents.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.foundryagents.core.chat.ChatResponse;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Optional;

/**
 * The in-memory {@link ResponseCache}: a Caffeine cache bounded by entry count (least valuable entries go first,
 * Caffeine's W-TinyLFU) where each entry expires after the time-to-live it was stored with. Maintenance runs on
 * the calling thread, so no background pool is used and evictions are counted as they happen.
 *
 * <p>As a Micrometer {@link MeterBinder} it registers {@code cache.evictions} and {@code cache.size} with tag
 * {@code cache=}{@value ResponseCache#METRICS_NAME}. Thread-safe.
 */
public final class CaffeineResponseCache implements ResponseCache, MeterBinder {

    private final Cache<CacheKey, Entry> cache;

    /**
     * @param maximumSize the most entries kept; default through {@link CacheOptions#maximumSize()}
     */
    public CaffeineResponseCache(long maximumSize) {
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("maximumSize must be positive, got " + maximumSize);
        }
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.writing((CacheKey key, Entry entry) -> entry.ttl()))
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    @Override
    public Optional<ChatResponse> get(CacheKey key) {
        Entry entry = cache.getIfPresent(key);
        return entry == null ? Optional.empty() : Optional.of(entry.response());
    }

    @Override
    public void put(CacheKey key, ChatResponse response, Duration ttl) {
        cache.put(key, new Entry(response, ttl));
    }

    /** @return the approximate number of entries */
    public long size() {
        return cache.estimatedSize();
    }

    /** @return how many entries were evicted for size or expiry so far */
    public long evictionCount() {
        return cache.stats().evictionCount();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("cache.evictions", this, CaffeineResponseCache::evictionCount)
                .tag("cache", METRICS_NAME)
                .description("Cached chat answers evicted for size or expiry")
                .register(registry);
        Gauge.builder("cache.size", this, c -> c.size())
                .tag("cache", METRICS_NAME)
                .description("Cached chat answers held")
                .register(registry);
    }

    private record Entry(ChatResponse response, Duration ttl) {
    }
}
