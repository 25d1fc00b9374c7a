package io.github.foundryagents.core;

/**
 * Azure refused the call because the deployment's tokens-per-minute or requests-per-minute budget is spent
 * (HTTP 429). Retryable; {@link #retryAfter()} holds the wait the server asked for.
 */
public class RateLimitException extends FoundryServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param error what Azure answered
     */
    public RateLimitException(String message, ServiceError error) {
        super(message, error, true);
    }
}
