package io.github.foundryagents.core.capacity;

import java.time.Duration;
import java.util.Objects;

/**
 * Asynchronous runs being polled for completion (Agent Service runs).
 *
 * @param parallelOperations runs polled at the same time
 * @param expectedRunDuration how long a run usually takes (the guidance: 10 to 60 seconds, ~30 on average)
 * @param pollsPerRun how many status checks a run of that length should take; the guidance's 15-second interval
 *     means 2 for a 30-second run
 * @param pollingShare the share of the deployment's RPM that polling may use, the rest being left for the runs'
 *     other calls; 0 &lt; share &lt;= 1
 */
public record PollingLoad(int parallelOperations, Duration expectedRunDuration, int pollsPerRun, double pollingShare) {

    /** The guidance's polls per run: {@value}. */
    public static final int DEFAULT_POLLS_PER_RUN = 2;
    /** Default share of the RPM left to polling: {@value}. */
    public static final double DEFAULT_POLLING_SHARE = 0.5;

    /**
     * Validates the components.
     *
     * @param parallelOperations runs polled at the same time
     * @param expectedRunDuration how long a run usually takes (the guidance: 10 to 60 seconds, ~30 on average)
     * @param pollsPerRun how many status checks a run of that length should take; the guidance's 15-second interval
     *         means 2 for a 30-second run
     * @param pollingShare the share of the deployment's RPM that polling may use, the rest being left for the runs'
     *         other calls; 0 &lt; share &lt;= 1
     */
    public PollingLoad {
        Objects.requireNonNull(expectedRunDuration, "expectedRunDuration");
        if (parallelOperations <= 0 || pollsPerRun <= 0) {
            throw new IllegalArgumentException("parallel operations and polls per run must be positive");
        }
        if (expectedRunDuration.isNegative() || expectedRunDuration.isZero()) {
            throw new IllegalArgumentException("expectedRunDuration must be positive, got " + expectedRunDuration);
        }
        if (!(pollingShare > 0 && pollingShare <= 1)) {
            throw new IllegalArgumentException("pollingShare must be in (0, 1], got " + pollingShare);
        }
    }

    /**
     * @param parallelOperations runs polled at the same time
     * @param expectedRunDuration how long a run usually takes
     * @return a load with {@value #DEFAULT_POLLS_PER_RUN} polls per run and half the RPM for polling
     */
    public static PollingLoad of(int parallelOperations, Duration expectedRunDuration) {
        return new PollingLoad(parallelOperations, expectedRunDuration, DEFAULT_POLLS_PER_RUN, DEFAULT_POLLING_SHARE);
    }
}
