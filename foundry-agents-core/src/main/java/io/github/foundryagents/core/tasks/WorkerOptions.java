package io.github.foundryagents.core.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link Worker}. Defaults: concurrency 5 and a limiter of 10 jobs per minute (the guidance we
 * follow), and BullMQ's lock duration 30 s, stalled check every 30 s, one stall allowed, drain delay 5 s.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkerOptions {

    /** Default concurrency: {@value}. */
    public static final int DEFAULT_CONCURRENCY = 5;
    /** How long {@link Worker#close()} waits for jobs in progress: 30 s. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final int concurrency;
    private final RateLimit limiter;
    private final Duration lockDuration;
    private final Duration stalledInterval;
    private final int maxStalledCount;
    private final Duration drainDelay;
    private final String name;
    private final List<WorkerListener> listeners;

    private WorkerOptions(Builder b) {
        this.concurrency = b.concurrency;
        this.limiter = b.limiter;
        this.lockDuration = b.lockDuration;
        this.stalledInterval = b.stalledInterval;
        this.maxStalledCount = b.maxStalledCount;
        this.drainDelay = b.drainDelay;
        this.name = b.name;
        this.listeners = List.copyOf(b.listeners);
    }

    /** @return the defaults */
    public static WorkerOptions defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return jobs processed at the same time */
    public int concurrency() {
        return concurrency;
    }

    /** @return the queue-wide start rate limit, if any */
    public Optional<RateLimit> limiter() {
        return Optional.ofNullable(limiter);
    }

    /** @return how long a job's lock lives without renewal; renewed every half of it */
    public Duration lockDuration() {
        return lockDuration;
    }

    /** @return how often jobs of crashed workers are looked for */
    public Duration stalledInterval() {
        return stalledInterval;
    }

    /** @return how many times a job may stall before it fails */
    public int maxStalledCount() {
        return maxStalledCount;
    }

    /** @return the longest an idle worker blocks before looking again (delayed jobs shorten it) */
    public Duration drainDelay() {
        return drainDelay;
    }

    /** @return the worker's name (BullMQ's {@code processedBy}), if set */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the listeners, in the order added */
    public List<WorkerListener> listeners() {
        return listeners;
    }

    /**
     * Builds {@link WorkerOptions}. Not thread-safe.
     */
    public static final class Builder {
        private int concurrency = DEFAULT_CONCURRENCY;
        private RateLimit limiter = RateLimit.DEFAULT;
        private Duration lockDuration = Duration.ofSeconds(30);
        private Duration stalledInterval = Duration.ofSeconds(30);
        private int maxStalledCount = 1;
        private Duration drainDelay = Duration.ofSeconds(5);
        private String name;
        private final List<WorkerListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param concurrency jobs processed at the same time, at least 1; default {@value #DEFAULT_CONCURRENCY}
         * @return this builder
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * @param limiter at most {@code max} job starts per window across the queue; default 10 per minute
         * @return this builder
         */
        public Builder limiter(RateLimit limiter) {
            this.limiter = Objects.requireNonNull(limiter, "limiter");
            return this;
        }

        /**
         * Removes the rate limiter: jobs start as fast as slots free up.
         *
         * @return this builder
         */
        public Builder noLimiter() {
            this.limiter = null;
            return this;
        }

        /**
         * @param lockDuration lock lifetime without renewal, at least 100 ms; default 30 s
         * @return this builder
         */
        public Builder lockDuration(Duration lockDuration) {
            this.lockDuration = atLeast(lockDuration, Duration.ofMillis(100), "lockDuration");
            return this;
        }

        /**
         * @param stalledInterval how often to look for stalled jobs, at least 100 ms; default 30 s
         * @return this builder
         */
        public Builder stalledInterval(Duration stalledInterval) {
            this.stalledInterval = atLeast(stalledInterval, Duration.ofMillis(100), "stalledInterval");
            return this;
        }

        /**
         * @param maxStalledCount stalls allowed before the job fails, 0 or more; default 1
         * @return this builder
         */
        public Builder maxStalledCount(int maxStalledCount) {
            if (maxStalledCount < 0) {
                throw new IllegalArgumentException("maxStalledCount must not be negative, got " + maxStalledCount);
            }
            this.maxStalledCount = maxStalledCount;
            return this;
        }

        /**
         * @param drainDelay longest idle block, at least 10 ms; default 5 s
         * @return this builder
         */
        public Builder drainDelay(Duration drainDelay) {
            this.drainDelay = atLeast(drainDelay, Duration.ofMillis(10), "drainDelay");
            return this;
        }

        /**
         * @param name the worker's name, stored on jobs it takes ({@code pb}); default none
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param listener receives completed/failed/progress/stalled/error events
         * @return this builder
         */
        public Builder listener(WorkerListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the options */
        public WorkerOptions build() {
            return new WorkerOptions(this);
        }

        private static Duration atLeast(Duration value, Duration min, String what) {
            Objects.requireNonNull(value, what);
            if (value.compareTo(min) < 0) {
                throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
            }
            return value;
        }
    }
}
