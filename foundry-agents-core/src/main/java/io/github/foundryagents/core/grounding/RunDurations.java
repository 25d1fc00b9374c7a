package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.Arrays;

/**
 * The most recent run durations an adaptive poller has seen, to learn when runs usually finish. Thread-safe.
 */
final class RunDurations {

    private static final int WINDOW = 64;
    private static final int MIN_SAMPLES = 5;

    private final long[] nanos = new long[WINDOW];
    private int size;
    private int next;

    synchronized void record(Duration d) {
        nanos[next] = d.toNanos();
        next = (next + 1) % WINDOW;
        size = Math.min(size + 1, WINDOW);
    }

    /**
     * @param q a quantile in [0, 1]
     * @return that quantile of the recent durations, or {@link Duration#ZERO} before enough runs were seen
     */
    synchronized Duration quantile(double q) {
        if (size < MIN_SAMPLES) {
            return Duration.ZERO;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        return Duration.ofNanos(sorted[(int) Math.floor(q * (size - 1))]);
    }
}
