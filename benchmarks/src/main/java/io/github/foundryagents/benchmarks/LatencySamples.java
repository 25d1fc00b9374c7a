package io.github.foundryagents.benchmarks;

import java.util.Arrays;

/**
 * Per-call latencies in nanoseconds, with nearest-rank percentiles. Not thread-safe.
 */
final class LatencySamples {

    private long[] nanos;
    private int size;

    LatencySamples(int capacity) {
        this.nanos = new long[Math.max(1, capacity)];
    }

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    int size() {
        return size;
    }

    /**
     * @param p a percentile in (0, 100]
     * @return the nearest-rank percentile in nanoseconds
     */
    long percentile(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        return sorted[nearestRank(size, p)];
    }

    /**
     * @param size how many sorted values there are, at least one
     * @param p a percentile in (0, 100]
     * @return the index of the nearest-rank percentile among them
     */
    static int nearestRank(int size, double p) {
        return Math.max(0, Math.min(size - 1, (int) Math.ceil(p / 100 * size) - 1));
    }

    long median() {
        return percentile(50);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
