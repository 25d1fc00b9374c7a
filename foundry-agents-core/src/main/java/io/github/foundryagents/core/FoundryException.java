package io.github.foundryagents.core;

import java.util.Optional;

/**
 * Root of every exception foundry-agents throws.
 *
 * <p>Carries what a caller needs to decide what to do next: the HTTP status (0 when no HTTP exchange
 * took place), Azure's error code, whether retrying the same call can succeed, and Azure's request id
 * for support tickets. Messages say what went wrong and how to fix it; they never contain API keys,
 * tokens or URL query strings.
 *
 * <p>Unchecked, like every exception in this library.
 */
public class FoundryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status code, or 0 when the failure did not come with an HTTP response. */
    private final int statusCode;
    /** Azure's error code such as {@code DeploymentNotFound} or {@code content_filter}, if any. */
    private final String errorCode;
    /** {@code true} when retrying the same call can succeed (429, 5xx, connection failures). */
    private final boolean retryable;
    /** Azure's request id ({@code apim-request-id} / {@code x-request-id}), for support tickets. */
    private final String requestId;

    /**
     * Creates an exception that did not come from an HTTP exchange.
     *
     * @param message what went wrong and how to fix it
     */
    public FoundryException(String message) {
        this(message, null, 0, null, false, null);
    }

    /**
     * Creates an exception that did not come from an HTTP exchange.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, may be {@code null}
     */
    public FoundryException(String message, Throwable cause) {
        this(message, cause, 0, null, false, null);
    }

    /**
     * Creates an exception with full details.
     *
     * @param message what went wrong and how to fix it
     * @param cause the underlying failure, may be {@code null}
     * @param statusCode the HTTP status, or 0 when there was no HTTP response
     * @param errorCode Azure's error code (e.g. {@code DeploymentNotFound}), may be {@code null}
     * @param retryable whether the same call may succeed if retried
     * @param requestId Azure's request id, may be {@code null}
     */
    public FoundryException(
            String message, Throwable cause, int statusCode, String errorCode, boolean retryable, String requestId) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.retryable = retryable;
        this.requestId = requestId;
    }

    /** @return the HTTP status code, or 0 when the failure did not come with an HTTP response */
    public int statusCode() {
        return statusCode;
    }

    /** @return Azure's error code such as {@code DeploymentNotFound} or {@code content_filter}, if any */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** @return {@code true} when retrying the same call can succeed (429, 5xx, connection failures) */
    public boolean isRetryable() {
        return retryable;
    }

    /** @return Azure's request id ({@code apim-request-id} / {@code x-request-id}), for support tickets */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
