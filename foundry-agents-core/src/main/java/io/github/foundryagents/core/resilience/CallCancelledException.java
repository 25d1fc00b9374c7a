package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.FoundryException;

/**
 * The calling thread was interrupted while the call waited (for a retry or for quota): the call stopped at once
 * without another attempt. The thread's interrupt flag is set again, so the caller's own cancellation logic still
 * sees it. Not retryable.
 */
public class CallCancelledException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was cancelled
     * @param cause the interruption or the last failure, may be {@code null}
     */
    public CallCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
