package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.FoundryConnectionException;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.FoundryServiceException;
import java.util.Set;

/**
 * Decides whether a failed attempt is worth another one. Replaceable per {@link RetryPolicy}; must be thread-safe
 * and side-effect free.
 *
 * <p>{@link #azure()}, the default, retries what Azure documents as transient and nothing else:
 * HTTP 408, 429, 500, 502, 503, 504 and failures without a response (connection refused, reset or timed out:
 * {@link FoundryConnectionException}). Everything else fails at once, including 400 (and content-filter
 * refusals), 401, 403, 404 and any failure it does not recognise: retrying those only repeats the refusal.
 */
@FunctionalInterface
public interface RetryClassifier {

    /** Statuses {@link #azure()} retries. */
    Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    /**
     * @param failure what the attempt threw
     * @return {@code true} when the same call may succeed if tried again
     */
    boolean isRetryable(FoundryException failure);

    /** @return the default classifier described above */
    static RetryClassifier azure() {
        return failure -> failure instanceof FoundryConnectionException
                || failure instanceof FoundryServiceException service
                        && TRANSIENT_STATUSES.contains(service.statusCode());
    }
}
