package io.github.foundryagents.core.tasks;

import java.time.Duration;
import java.time.Instant;

/**
 * The answer of a {@link WorkerBackend} when a worker asks for a job: a job, or why there is none.
 *
 * @param job the job, or {@code null}
 * @param rateLimitedFor when the rate limiter stopped the fetch, how long until it opens; else zero
 * @param nextDelayedAt when no job is ready, the due time of the earliest delayed job, or {@code null}
 */
public record Claim(ActiveJob job, Duration rateLimitedFor, Instant nextDelayedAt) {

    /** Nothing to do, nothing delayed. */
    public static final Claim NONE = new Claim(null, Duration.ZERO, null);

    /**
     * @param job a job
     * @return a claim holding it
     */
    public static Claim of(ActiveJob job) {
        return new Claim(job, Duration.ZERO, null);
    }
}
