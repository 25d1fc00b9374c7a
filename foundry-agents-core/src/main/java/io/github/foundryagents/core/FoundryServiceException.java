package io.github.foundryagents.core;

import java.time.Duration;
import java.util.Optional;

/**
 * Azure answered with an HTTP error status.
 *
 * <p>Subclasses name the cases callers commonly handle ({@link RateLimitException},
 * {@link DeploymentNotFoundException}, {@link ContentFilterException}, ...); any other status arrives as this
 * type. {@link #error()} holds Azure's own words.
 */
public class FoundryServiceException extends FoundryException {

    private static final long serialVersionUID = 1L;

    private final transient ServiceError error;

    /**
     * @param message what went wrong and how to fix it
     * @param error what Azure answered
     * @param retryable whether retrying the same call can succeed
     */
    public FoundryServiceException(String message, ServiceError error, boolean retryable) {
        super(message, null, error.status(), error.code(), retryable, error.requestId());
        this.error = error;
    }

    /** @return Azure's status, error code, message, request id and retry hint */
    public ServiceError error() {
        return error;
    }

    /** @return how long the server asked the client to wait before retrying, when it said so */
    public Optional<Duration> retryAfter() {
        return error.retryAfterHint();
    }
}
