package io.github.foundryagents.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How a call is retried: how many times, how long to back off, how long the whole call may take, and which
 * failures are worth retrying. Immutable and thread-safe; run it with a {@link Retrier}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *         .maxRetries(5)                       // default 5: up to 6 attempts
 *         .baseDelay(Duration.ofSeconds(1))    // default 1 s, doubling per retry
 *         .maxDelay(Duration.ofSeconds(60))    // default 60 s
 *         .timeout(Duration.ofMinutes(5))      // default 5 min for the whole call
 *         .build();
 * }</pre>
 *
 * <p>Backoff uses full jitter: before retry {@code n} (1-based) it waits a uniformly random time between zero and
 * {@code min(maxDelay, baseDelay × 2^(n-1))}, so clients that failed together do not come back together. A wait
 * the server asks for ({@code retry-after-ms}, {@code x-ms-retry-after-ms}, {@code retry-after}) replaces the
 * backoff and is honoured exactly, unless it is longer than the call may still wait.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration timeout;
    private final RetryClassifier classifier;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.timeout = b.timeout;
        this.classifier = b.classifier;
    }

    /** @return 5 retries, 1 s base delay doubling with full jitter, 60 s max delay, 5 min per call, {@link RetryClassifier#azure()} */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * @return a policy that never retries but still bounds each call by the default 5-minute timeout (or the
     *     request's own)
     */
    public static RetryPolicy none() {
        return builder().maxRetries(0).build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this policy's values */
    public Builder toBuilder() {
        return new Builder().maxRetries(maxRetries).baseDelay(baseDelay).maxDelay(maxDelay).timeout(timeout)
                .classifier(classifier);
    }

    /** @return retries after the first attempt; attempts are one more */
    public int maxRetries() {
        return maxRetries;
    }

    /** @return the backoff ceiling before the first retry */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** @return the largest backoff ceiling */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the time a whole call may take, retries and waits included, unless the request sets its own */
    public Duration timeout() {
        return timeout;
    }

    /** @return which failures are retried */
    public RetryClassifier classifier() {
        return classifier;
    }

    /**
     * @param retry the retry about to happen, 1 for the first
     * @return the upper bound of its jittered backoff: {@code min(maxDelay, baseDelay × 2^(retry-1))}
     */
    public Duration backoffCeiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, got " + retry);
        }
        int doublings = Math.min(retry - 1, 62);
        long base = baseDelay.toNanos();
        long ceiling = base > (maxDelay.toNanos() >> doublings) ? maxDelay.toNanos() : base << doublings;
        return Duration.ofNanos(Math.min(ceiling, maxDelay.toNanos()));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", timeout=" + timeout + '}';
    }

    /**
     * Builds a {@link RetryPolicy}. Not thread-safe.
     */
    public static final class Builder {
        private int maxRetries = 5;
        private Duration baseDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofMinutes(5);
        private RetryClassifier classifier = RetryClassifier.azure();

        private Builder() {
        }

        /**
         * @param maxRetries retries after the first attempt, 0 to never retry; default 5
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries cannot be negative, got " + maxRetries
                        + "; use 0 to turn retries off");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param baseDelay backoff ceiling before the first retry, doubling after each; default 1 s
         * @return this builder
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = positive(baseDelay, "baseDelay");
            return this;
        }

        /**
         * @param maxDelay the largest backoff ceiling; default 60 s
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = positive(maxDelay, "maxDelay");
            return this;
        }

        /**
         * @param timeout how long a whole call may take including retries and waits, unless the request sets
         *     {@code timeout}; default 5 min
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * @param classifier decides which failures are retried; default {@link RetryClassifier#azure()}
         * @return this builder
         */
        public Builder classifier(RetryClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException when maxDelay is shorter than baseDelay
         */
        public RetryPolicy build() {
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be shorter than baseDelay ("
                        + baseDelay + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
