package io.github.foundryagents.core.webhook;

import io.github.foundryagents.core.FoundryException;

/**
 * A webhook delivery attempt failed: the receiver answered with a non-2xx status, timed out, or could not be
 * reached. {@link #isRetryable()} is true for timeouts, connection failures, 429 and 5xx.
 */
public class WebhookDeliveryException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /** Attempts made when this was thrown. */
    private final int attempts;

    /**
     * @param message what failed
     * @param cause the I/O failure, or {@code null}
     * @param statusCode the receiver's status, 0 without a response
     * @param retryable whether another attempt may succeed
     * @param attempts attempts made so far
     */
    public WebhookDeliveryException(String message, Throwable cause, int statusCode, boolean retryable,
            int attempts) {
        super(message, cause, statusCode, null, retryable, null);
        this.attempts = attempts;
    }

    /** @return attempts made when this was thrown */
    public int attempts() {
        return attempts;
    }
}
