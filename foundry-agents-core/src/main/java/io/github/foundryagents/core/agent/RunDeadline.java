package io.github.foundryagents.core.agent;

import java.time.Duration;
import java.util.Optional;

/**
 * The point in time a run must end by, on the monotonic clock; or none. Immutable.
 */
final class RunDeadline {

    private static final RunDeadline NONE = new RunDeadline(null, 0);

    private final Duration timeout;
    private final long endNanos;

    private RunDeadline(Duration timeout, long endNanos) {
        this.timeout = timeout;
        this.endNanos = endNanos;
    }

    /**
     * @param timeout the time allowed from now, or {@code null} for no deadline
     * @return the deadline
     */
    static RunDeadline after(Duration timeout) {
        return timeout == null ? NONE : new RunDeadline(timeout, System.nanoTime() + timeout.toNanos());
    }

    /** @return the time allowed, when there is a deadline */
    Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return nanoseconds left, at most 0 once passed; {@link Long#MAX_VALUE} without deadline */
    long remainingNanos() {
        return timeout == null ? Long.MAX_VALUE : Math.max(0, endNanos - System.nanoTime());
    }

    /** @return whether there is a deadline and it has passed */
    boolean passed() {
        return timeout != null && endNanos - System.nanoTime() <= 0;
    }
}
