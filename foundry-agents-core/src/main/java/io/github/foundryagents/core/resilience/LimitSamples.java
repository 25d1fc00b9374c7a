package io.github.foundryagents.core.resilience;

import java.util.ArrayDeque;

/**
 * Recent estimates of one budget's limit, each derived from one answer's {@code x-ratelimit-remaining-*} header
 * and what this client had surely charged when that call reached Azure. Each is a lower bound of the limit (of this
 * client's share of it, when others use the deployment too), exact for calls spaced apart, so the limit used is the
 * largest estimate of the last window. Not thread-safe: the owning {@link DeploymentBudget} guards it.
 */
final class LimitSamples {

    private static final int KEEP = 256;

    private final long windowNanos;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    LimitSamples(long windowNanos) {
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
