package io.github.foundryagents.core.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One call as the {@link Retrier} sees it: what it is (for log lines and exception messages), when it must be
 * done, and the longest server-requested wait it accepts.
 *
 * @param operation what is being called, naming its target, e.g. {@code chat completion on deployment 'gpt-4o'}
 * @param deadline when the whole call must be finished
 * @param maxServerWait the longest {@code retry-after} honoured; a longer one fails at once with
 *     {@link RetryAfterTooLongException}. {@code null} for no limit other than the deadline
 */
public record RetryContext(String operation, Deadline deadline, Duration maxServerWait) {

    /**
     * Validates the components.
     *
     * @param operation what is being called, naming its target, e.g. {@code chat completion on deployment 'gpt-4o'}
     * @param deadline when the whole call must be finished
     * @param maxServerWait the longest {@code retry-after} honoured; a longer one fails at once with
     *         {@link RetryAfterTooLongException}. {@code null} for no limit other than the deadline
     */
    public RetryContext {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(deadline, "deadline");
        if (maxServerWait != null && maxServerWait.isNegative()) {
            throw new IllegalArgumentException("maxServerWait cannot be negative, got " + maxServerWait);
        }
    }

    /**
     * @param operation what is being called, naming its target
     * @param deadline when the whole call must be finished
     * @return a context without a server-wait limit beyond the deadline
     */
    public static RetryContext of(String operation, Deadline deadline) {
        return new RetryContext(operation, deadline, null);
    }

    /** @return the longest server-requested wait honoured, when limited beyond the deadline */
    public Optional<Duration> maxServerWaitLimit() {
        return Optional.ofNullable(maxServerWait);
    }
}
