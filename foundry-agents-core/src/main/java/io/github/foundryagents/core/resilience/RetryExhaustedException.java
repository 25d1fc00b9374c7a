package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.FoundryException;
import java.time.Duration;

/**
 * Every attempt the retry policy allows failed with a retryable error. Carries what an operator needs: attempts
 * made, the last status and error code, and the total time spent waiting between attempts. The last failure is
 * the cause.
 */
public class RetryExhaustedException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /** Attempts made, including the first. */
    private final int attempts;
    private final transient Duration totalWait;

    /**
     * @param message what happened and what to do
     * @param lastFailure the last attempt's failure
     * @param attempts attempts made, including the first
     * @param totalWait total time slept between attempts
     */
    public RetryExhaustedException(String message, FoundryException lastFailure, int attempts, Duration totalWait) {
        super(message, lastFailure, lastFailure.statusCode(), lastFailure.errorCode().orElse(null), true,
                lastFailure.requestId().orElse(null));
        this.attempts = attempts;
        this.totalWait = totalWait;
    }

    /** @return attempts made, including the first */
    public int attempts() {
        return attempts;
    }

    /** @return the last attempt's HTTP status, 0 when it had no response */
    public int lastStatus() {
        return statusCode();
    }

    /** @return total time slept between attempts */
    public Duration totalWait() {
        return totalWait;
    }

    /** @return the last attempt's failure */
    @Override
    public synchronized FoundryException getCause() {
        return (FoundryException) super.getCause();
    }
}
