package io.github.foundryagents.core.tasks;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failed job waits before its next attempt, with BullMQ's two built-in strategies: {@code fixed}
 * (always the base delay) and {@code exponential} (base, 2 × base, 4 × base, …).
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the strategy
 * @param delay the base delay, not negative
 */
public record Backoff(Type type, Duration delay) {

    /** The default of the guidance we follow: exponential from 5 seconds. */
    public static final Backoff DEFAULT = exponential(Duration.ofSeconds(5));

    /** BullMQ's backoff strategies, named as on the wire. */
    public enum Type {
        /** The same delay before every retry. */
        FIXED("fixed"),
        /** {@code delay × 2^(attempt - 1)}. */
        EXPONENTIAL("exponential");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** @return the name BullMQ stores in the job's {@code opts.backoff.type} */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * @param type the strategy
     * @param delay the base delay
     */
    public Backoff {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("backoff delay must not be negative, got " + delay);
        }
    }

    /**
     * @param delay the delay before every retry
     * @return a fixed backoff
     */
    public static Backoff fixed(Duration delay) {
        return new Backoff(Type.FIXED, delay);
    }

    /**
     * @param baseDelay the delay before the first retry; it doubles for each later one
     * @return an exponential backoff
     */
    public static Backoff exponential(Duration baseDelay) {
        return new Backoff(Type.EXPONENTIAL, baseDelay);
    }

    /**
     * The wait before the next attempt, computed as BullMQ does.
     *
     * @param failedAttempts attempts that have failed so far, including the one that just failed (1 or more)
     * @return the delay before the next attempt
     */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
        }
        if (type == Type.FIXED) {
            return delay;
        }
        double factor = Math.pow(2, Math.min(failedAttempts - 1, 40));
        return Duration.ofMillis(Math.round(Math.min(factor * delay.toMillis(), (double) Long.MAX_VALUE / 2)));
    }
}
