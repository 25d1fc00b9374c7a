package io.github.foundryagents.core.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether and when a failed webhook delivery is tried again. Only retryable failures (timeouts,
 * connection errors, 429, 5xx) reach it. A seam: plug the client's shared retry policy in here.
 */
@FunctionalInterface
public interface WebhookRetry {

    /**
     * @param failedAttempts attempts made so far (1 after the first failure)
     * @param failure the latest failure
     * @return the wait before the next attempt, or empty to give up
     */
    Optional<Duration> nextDelay(int failedAttempts, WebhookDeliveryException failure);

    /** @return never retry */
    static WebhookRetry none() {
        return (attempts, failure) -> Optional.empty();
    }

    /**
     * @param maxAttempts total attempts, at least 1
     * @param baseDelay wait after the first failure; doubles after each later one
     * @return an exponential retry
     */
    static WebhookRetry exponential(int maxAttempts, Duration baseDelay) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        return (attempts, failure) -> attempts >= maxAttempts ? Optional.empty()
                : Optional.of(baseDelay.multipliedBy(1L << Math.min(attempts - 1, 20)));
    }
}
