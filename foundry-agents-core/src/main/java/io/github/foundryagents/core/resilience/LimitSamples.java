package io.github.foundryagents.core.resilience;

import java.util.ArrayDeque;

/**
 * Recent estimates of one budget's limit, each derived from one answer's {@code x-ratelimit-remaining-*} header.
 * Single estimates are noisy (a request sent earlier may reach Azure later), so the limit used is the median of
 * those from the last window. Not thread-safe: the owning {@link DeploymentBudget} guards it.
 */
final class LimitSamples {

    private static final int KEEP = 64;

    private final long windowNanos;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    LimitSamples(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /**
     * @param now when the sample was taken
     * @param value the estimated limit
     * @return the median of the samples taken within the last window, this one included
     */
    long add(long now, long value) {
        samples.addLast(new long[] {now, value});
        while (samples.size() > KEEP || samples.peekFirst()[0] + windowNanos - now <= 0) {
            samples.removeFirst();
        }
        long[] values = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
