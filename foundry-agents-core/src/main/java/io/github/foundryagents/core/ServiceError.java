package io.github.foundryagents.core;

import io.github.foundryagents.core.resilience.RetryHint;
import java.time.Duration;
import java.util.Optional;

/**
 * What Azure said when it refused a call: the HTTP status, the error body's {@code code} and {@code message},
 * the request id, and the wait it asked for.
 *
 * @param status the HTTP status
 * @param code Azure's error code ({@code error.code}), may be {@code null}
 * @param message Azure's error message ({@code error.message}), may be {@code null}
 * @param requestId Azure's request id, may be {@code null}
 * @param retryAfter the wait the server asked for in a retry header, may be {@code null}
 * @param retryAfterHeader the header that asked for it (e.g. {@code retry-after-ms}), may be {@code null}
 */
public record ServiceError(int status, String code, String message, String requestId, Duration retryAfter,
        String retryAfterHeader) {

    /**
     * An error whose retry header, if any, is not known by name.
     *
     * @param status the HTTP status
     * @param code Azure's error code, may be {@code null}
     * @param message Azure's error message, may be {@code null}
     * @param requestId Azure's request id, may be {@code null}
     * @param retryAfter the wait the server asked for, may be {@code null}
     */
    public ServiceError(int status, String code, String message, String requestId, Duration retryAfter) {
        this(status, code, message, requestId, retryAfter, retryAfter == null ? null : "retry-after");
    }

    /** @return the server's retry hint, if it gave one */
    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return the server's retry hint with the header that carried it, if it gave one */
    public Optional<RetryHint> retryHint() {
        return retryAfter == null ? Optional.empty() : Optional.of(new RetryHint(retryAfter, retryAfterHeader));
    }
}
