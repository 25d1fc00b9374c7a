package io.github.foundryagents.core;

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
 */
public record ServiceError(int status, String code, String message, String requestId, Duration retryAfter) {

    /** @return the server's retry hint, if it gave one */
    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }
}
