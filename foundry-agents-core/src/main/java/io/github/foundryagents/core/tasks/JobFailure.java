package io.github.foundryagents.core.tasks;

import java.time.Duration;

/**
 * A failed attempt as a worker reports it to its {@link WorkerBackend}.
 *
 * @param reason the error message (BullMQ's {@code failedReason})
 * @param stackTrace the error's stack trace as text, appended to the job's {@code stacktrace}
 * @param retryDelay how long until the next attempt, or {@code null} when the job fails for good
 */
public record JobFailure(String reason, String stackTrace, Duration retryDelay) {

    /** @return whether another attempt follows */
    public boolean willRetry() {
        return retryDelay != null;
    }
}
