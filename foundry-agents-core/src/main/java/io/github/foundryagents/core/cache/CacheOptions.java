package io.github.foundryagents.core.cache;

import io.github.foundryagents.core.chat.ChatRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * What the response cache keeps and for how long. A request is cached when it opts in
 * ({@link ChatRequest#cacheable()} {@code true}), or when {@link #cacheTemperatureZero()} is on and it asks for
 * temperature 0; {@code cacheable(false)} always wins. Only answers that finished with {@code stop} and ask for no
 * tool calls are stored. Immutable and thread-safe.
 *
 * <pre>{@code
 * AgentClient.builder().cache(CacheOptions.builder()
 *         .ttl(Duration.ofMinutes(30)).maximumSize(5_000).cacheTemperatureZero(true).build());
 * }</pre>
 */
public final class CacheOptions {

    /** Default {@link #maximumSize()}: {@value}. */
    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    /** Default {@link #ttl()}: one hour, as in the guidance. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private static final CacheOptions DEFAULTS = builder().build();

    private final long maximumSize;
    private final Duration ttl;
    private final boolean cacheTemperatureZero;
    private final boolean scopePerUser;

    private CacheOptions(Builder b) {
        this.maximumSize = b.maximumSize;
        this.ttl = b.ttl;
        this.cacheTemperatureZero = b.cacheTemperatureZero;
        this.scopePerUser = b.scopePerUser;
    }

    /** @return 10,000 entries, one hour, opt-in only, shared by all users */
    public static CacheOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the most entries of the in-memory store; default {@value #DEFAULT_MAXIMUM_SIZE} */
    public long maximumSize() {
        return maximumSize;
    }

    /** @return how long an answer is served from the cache; default one hour */
    public Duration ttl() {
        return ttl;
    }

    /** @return whether requests with temperature 0 are cached without opting in; default {@code false} */
    public boolean cacheTemperatureZero() {
        return cacheTemperatureZero;
    }

    /** @return whether entries are private to the request's user id; default {@code false} (shared) */
    public boolean scopePerUser() {
        return scopePerUser;
    }

    /**
     * @param request a call
     * @return whether this policy caches it
     */
    public boolean appliesTo(ChatRequest request) {
        return request.cacheable().orElseGet(() -> cacheTemperatureZero
                && request.temperature().filter(t -> t == 0.0).isPresent());
    }

    @Override
    public String toString() {
        return "CacheOptions{maximumSize=" + maximumSize + ", ttl=" + ttl + ", cacheTemperatureZero="
                + cacheTemperatureZero + ", scopePerUser=" + scopePerUser + '}';
    }

    /**
     * Builds {@link CacheOptions}. Not thread-safe.
     */
    public static final class Builder {
        private long maximumSize = DEFAULT_MAXIMUM_SIZE;
        private Duration ttl = DEFAULT_TTL;
        private boolean cacheTemperatureZero;
        private boolean scopePerUser;

        private Builder() {
        }

        /**
         * @param maximumSize the most entries the in-memory store keeps; ignored by a store you supply
         * @return this builder
         */
        public Builder maximumSize(long maximumSize) {
            if (maximumSize <= 0) {
                throw new IllegalArgumentException("maximumSize must be positive, got " + maximumSize);
            }
            this.maximumSize = maximumSize;
            return this;
        }

        /**
         * @param ttl how long an answer is served; default one hour
         * @return this builder
         */
        public Builder ttl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * @param on cache requests with temperature 0 even when they do not opt in
         * @return this builder
         */
        public Builder cacheTemperatureZero(boolean on) {
            this.cacheTemperatureZero = on;
            return this;
        }

        /**
         * @param on make entries private to the request's user id, for prompts whose answers must not be shared
         *     across users; requests without a user id share one scope
         * @return this builder
         */
        public Builder scopePerUser(boolean on) {
            this.scopePerUser = on;
            return this;
        }

        /** @return the options */
        public CacheOptions build() {
            return new CacheOptions(this);
        }
    }
}
