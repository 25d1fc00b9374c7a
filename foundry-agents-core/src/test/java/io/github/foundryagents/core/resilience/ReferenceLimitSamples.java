package io.github.foundryagents.core.resilience;

import java.util.ArrayDeque;

/**
 * The first {@link LimitSamples}: a deque scanned for its maximum on every sample. Kept as the oracle the
 * sliding-maximum version must agree with ({@code LimitSamplesTest}).
 */
final class ReferenceLimitSamples {

    private static final int KEEP = 256;

    private final long windowNanos;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    ReferenceLimitSamples(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /**
     * @param now when the sample was taken
     * @param value the estimated limit
     * @return the largest of the samples taken within the last window, this one included
     */
    long add(long now, long value) {
        samples.addLast(new long[] {now, value});
        while (samples.size() > KEEP || samples.peekFirst()[0] + windowNanos - now <= 0) {
            samples.removeFirst();
        }
        long max = 0;
        for (long[] s : samples) {
            max = Math.max(max, s[1]);
        }
        return max;
    }

    /** Forgets every sample: one of them proved too high. */
    void clear() {
        samples.clear();
    }
}
