package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.FoundryServiceException;
import java.time.Duration;

/**
 * The server asked to wait longer than this call may wait: longer than its remaining deadline, or than its
 * {@link MaxRetryWait} tag. Thrown at once instead of sleeping. Retryable later or elsewhere (another deployment).
 */
public class RetryAfterTooLongException extends FoundryException {

    private static final long serialVersionUID = 1L;

    private final transient Duration requested;
    private final transient Duration allowed;

    /**
     * @param message what happened and what to do
     * @param cause the refusal that carried the hint
     * @param requested how long the server asked to wait
     * @param allowed how long this call could still wait
     */
    public RetryAfterTooLongException(String message, FoundryServiceException cause, Duration requested,
            Duration allowed) {
        super(message, cause, cause.statusCode(), cause.errorCode().orElse(null), true, cause.requestId().orElse(null));
        this.requested = requested;
        this.allowed = allowed;
    }

    /** @return how long the server asked to wait */
    public Duration requested() {
        return requested;
    }

    /** @return how long this call could still wait when the hint arrived */
    public Duration allowed() {
        return allowed;
    }

    /** @return the refusal that carried the hint */
    @Override
    public synchronized FoundryServiceException getCause() {
        return (FoundryServiceException) super.getCause();
    }
}
