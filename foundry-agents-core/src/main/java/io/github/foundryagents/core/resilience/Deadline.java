package io.github.foundryagents.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * The moment a call must be finished by, including every retry and every wait for quota. Created once per call
 * by the retry step and handed to inner steps as a request tag ({@code request.tag(Deadline.class)}), so pacing
 * and the HTTP transport never wait past it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Deadline {

    /** Longer timeouts are treated as this, so nanosecond arithmetic cannot overflow (about 73 years). */
    private static final long MAX_NANOS = Long.MAX_VALUE / 4;

    private final TimeSource time;
    private final Duration timeout;
    private final long startNanos;
    private final long endNanos;

    private Deadline(TimeSource time, Duration timeout) {
        this.time = time;
        this.timeout = timeout;
        this.startNanos = time.nanoTime();
        this.endNanos = startNanos + saturatedNanos(timeout);
    }

    /**
     * @param timeout how long from now the call may take, positive
     * @return a deadline on the real clock
     */
    public static Deadline after(Duration timeout) {
        return after(timeout, TimeSource.system());
    }

    /**
     * @param timeout how long from now the call may take, positive
     * @param time the clock
     * @return a deadline on that clock
     */
    public static Deadline after(Duration timeout, TimeSource time) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a deadline needs a positive timeout, got " + timeout);
        }
        return new Deadline(Objects.requireNonNull(time, "time"), timeout);
    }

    /** @return the time left, zero once passed */
    public Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }

    /** @return the time left in nanoseconds, zero once passed */
    public long remainingNanos() {
        return Math.max(0, endNanos - time.nanoTime());
    }

    /** @return whether the deadline has passed */
    public boolean isExpired() {
        return remainingNanos() == 0;
    }

    /** @return the timeout this deadline was created with */
    public Duration timeout() {
        return timeout;
    }

    /** @return the time since this deadline was created */
    public Duration elapsed() {
        return Duration.ofNanos(time.nanoTime() - startNanos);
    }

    /**
     * @param nanoTime a time from this deadline's clock
     * @return whether that time is at or after the deadline
     */
    public boolean isPassedAt(long nanoTime) {
        return nanoTime - endNanos >= 0;
    }

    /**
     * @param other another deadline on the same clock, may be {@code null}
     * @return whichever of the two ends first
     */
    public Deadline earlier(Deadline other) {
        return other == null || endNanos - other.endNanos <= 0 ? this : other;
    }

    @Override
    public String toString() {
        return "Deadline{timeout=" + timeout + ", remaining=" + remaining() + '}';
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(Duration.ofNanos(MAX_NANOS)) >= 0 ? MAX_NANOS : d.toNanos();
    }
}
