package io.github.foundryagents.core.usage;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Usage metering and quotas: where per-user usage is kept, how calls are priced, and the monthly token limit.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * AgentClient.builder().usage(UsageOptions.builder()
 *         .monthlyTokenLimit(user -> premium(user) ? 5_000_000 : 500_000)
 *         .quotaZone(ZoneId.of("Europe/Paris"))
 *         .build());
 * }</pre>
 */
public final class UsageOptions {

    /** A limit meaning "no limit": {@value}. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final UsageStore store;
    private final CostTable costs;
    private final ToLongFunction<String> monthlyTokenLimit;
    private final ZoneId quotaZone;
    private final Clock clock;

    private UsageOptions(Builder b) {
        this.store = b.store != null ? b.store : new InMemoryUsageStore();
        this.costs = b.costs;
        this.monthlyTokenLimit = b.monthlyTokenLimit;
        this.quotaZone = b.quotaZone;
        this.clock = b.clock;
    }

    /** @return a new in-memory store, default prices, no limit, months in UTC */
    public static UsageOptions defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options (the same store) */
    public Builder toBuilder() {
        Builder b = new Builder().store(store).costs(costs).quotaZone(quotaZone).clock(clock);
        b.monthlyTokenLimit = monthlyTokenLimit;
        return b;
    }

    /** @return where per-user usage is kept; default a new {@link InMemoryUsageStore} */
    public UsageStore store() {
        return store;
    }

    /** @return how calls are priced; default {@link CostTable#defaults()} */
    public CostTable costs() {
        return costs;
    }

    /** @return the per-user monthly token limit, empty when none is configured */
    public Optional<ToLongFunction<String>> monthlyTokenLimit() {
        return Optional.ofNullable(monthlyTokenLimit);
    }

    /** @return the time zone whose calendar months the limit follows; default UTC */
    public ZoneId quotaZone() {
        return quotaZone;
    }

    /** @return the clock for timestamps and month boundaries; default the UTC system clock */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "UsageOptions{store=" + store.getClass().getSimpleName() + ", costs=" + costs.currency()
                + ", monthlyTokenLimit=" + (monthlyTokenLimit != null) + ", quotaZone=" + quotaZone + '}';
    }

    /**
     * Builds {@link UsageOptions}. Not thread-safe.
     */
    public static final class Builder {
        private UsageStore store;
        private CostTable costs = CostTable.defaults();
        private ToLongFunction<String> monthlyTokenLimit;
        private ZoneId quotaZone = ZoneOffset.UTC;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param store where per-user usage is kept
         * @return this builder
         */
        public Builder store(UsageStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param costs prices per model; default {@link CostTable#defaults()}
         * @return this builder
         */
        public Builder costs(CostTable costs) {
            this.costs = Objects.requireNonNull(costs, "costs");
            return this;
        }

        /**
         * @param tokens the total tokens each user may use per calendar month
         * @return this builder
         */
        public Builder monthlyTokenLimit(long tokens) {
            checkLimit(tokens);
            return monthlyTokenLimit(user -> tokens);
        }

        /**
         * @param limitOfUser each user's monthly token limit, e.g. by tier; {@link #UNLIMITED} for none. Called
         *     before every call that names a user, so keep it cheap.
         * @return this builder
         */
        public Builder monthlyTokenLimit(ToLongFunction<String> limitOfUser) {
            this.monthlyTokenLimit = Objects.requireNonNull(limitOfUser, "limitOfUser");
            return this;
        }

        /**
         * @param zone whose calendar months the limit follows; default UTC
         * @return this builder
         */
        public Builder quotaZone(ZoneId zone) {
            this.quotaZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * @param clock for timestamps and month boundaries (tests)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the options */
        public UsageOptions build() {
            return new UsageOptions(this);
        }

        private static void checkLimit(long tokens) {
            if (tokens < 0) {
                throw new IllegalArgumentException("a token limit cannot be negative, got " + tokens);
            }
        }
    }
}
