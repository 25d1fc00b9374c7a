package io.github.foundryagents.core.tasks;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} jobs start per {@code duration}, across every worker of the queue (BullMQ's limiter).
 *
 * @param max jobs per window, at least 1
 * @param duration the window, at least 1 ms
 */
public record RateLimit(int max, Duration duration) {

    /** The default of the guidance we follow: 10 jobs per minute. */
    public static final RateLimit DEFAULT = new RateLimit(10, Duration.ofMinutes(1));

    /**
     * @param max jobs per window
     * @param duration the window
     */
    public RateLimit {
        Objects.requireNonNull(duration, "duration");
        if (max < 1) {
            throw new IllegalArgumentException("rate limit max must be at least 1, got " + max);
        }
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException("rate limit duration must be at least 1 ms, got " + duration);
        }
    }
}
