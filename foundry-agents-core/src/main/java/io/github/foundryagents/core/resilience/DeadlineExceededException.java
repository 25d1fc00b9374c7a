package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.FoundryException;
import java.time.Duration;

/**
 * The call ran out of time: its {@link Deadline} passed, or the next retry could not start before it, or its
 * turn for the deployment's quota would not come before it. The last attempt's failure, if any, is the cause.
 * Retryable later: the same call may succeed with more time or less load.
 */
public class DeadlineExceededException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /** Attempts made before giving up, possibly 0. */
    private final int attempts;
    private final transient Duration timeout;

    /**
     * @param message what ran out of time and what to do
     * @param lastFailure the last attempt's failure, or {@code null} when no attempt failed
     * @param attempts attempts made before giving up
     * @param timeout the call's overall timeout
     */
    public DeadlineExceededException(String message, FoundryException lastFailure, int attempts, Duration timeout) {
        super(message, lastFailure, lastFailure == null ? 0 : lastFailure.statusCode(),
                lastFailure == null ? null : lastFailure.errorCode().orElse(null), true,
                lastFailure == null ? null : lastFailure.requestId().orElse(null));
        this.attempts = attempts;
        this.timeout = timeout;
    }

    /** @return attempts made before giving up, possibly 0 */
    public int attempts() {
        return attempts;
    }

    /** @return the call's overall timeout */
    public Duration timeout() {
        return timeout;
    }
}
