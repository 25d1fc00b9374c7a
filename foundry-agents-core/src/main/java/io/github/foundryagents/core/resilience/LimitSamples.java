package io.github.foundryagents.core.resilience;

/**
 * Recent estimates of one budget's limit, each derived from one answer's {@code x-ratelimit-remaining-*} header
 * and what this client had surely charged when that call reached Azure. Each is a lower bound of the limit (of this
 * client's share of it, when others use the deployment too), exact for calls spaced apart, so the limit used is the
 * largest estimate of the last window (at most the last {@value #KEEP}). Not thread-safe: the owning
 * {@link DeploymentBudget} guards it.
 *
 * <p>Every answer adds a sample, so the maximum is kept as a sliding-window maximum in amortised O(1): besides the
 * kept samples, a queue of the candidates, the samples no later sample is at least as large as, in decreasing
 * order; the maximum is the first candidate still kept.
 */
final class LimitSamples {

    private static final int KEEP = 256;

    private final long windowNanos;
    /** Sample {@code i} (counted from the first ever added) sits at {@code i % KEEP}. */
    private final long[] times = new long[KEEP];
    private final long[] values = new long[KEEP];
    private long added;
    /** The oldest kept sample; samples {@code [oldest, added)} are kept. */
    private long oldest;
    /** Ring of sample numbers, values decreasing from {@code candidateHead}. */
    private final long[] candidates = new long[KEEP];
    private int candidateHead;
    private int candidateCount;

    LimitSamples(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /**
     * @param now when the sample was taken
     * @param value the estimated limit
     * @return the largest of the samples taken within the last window, this one included
     */
    long add(long now, long value) {
        long sample = added++;
        times[slot(sample)] = now;
        values[slot(sample)] = value;
        // Forget from the oldest: beyond the last KEEP, then while the oldest has left the window.
        oldest = Math.max(oldest, added - KEEP);
        while (times[slot(oldest)] + windowNanos - now <= 0) {
            oldest++; // stops at this sample at the latest, which is inside the window
        }
        while (candidateCount > 0 && candidates[candidateHead] < oldest) {
            candidateHead = (candidateHead + 1) % KEEP;
            candidateCount--;
        }
        while (candidateCount > 0 && values[slot(candidates[lastCandidate()])] <= value) {
            candidateCount--;
        }
        candidates[(candidateHead + candidateCount++) % KEEP] = sample;
        return values[slot(candidates[candidateHead])];
    }

    /** Forgets every sample: one of them proved too high. */
    void clear() {
        oldest = added;
        candidateCount = 0;
    }

    private int lastCandidate() {
        return (candidateHead + candidateCount - 1) % KEEP;
    }

    private static int slot(long sample) {
        return (int) (sample % KEEP);
    }
}
