package io.github.foundryagents.core.capacity;

import java.time.Duration;
import java.util.Objects;

/**
 * A background workload: jobs running side by side, each making a few model calls.
 *
 * @param concurrentJobs jobs running at once (a worker's concurrency)
 * @param callsPerJob model calls each job makes (create thread, post message, run, read answer...)
 * @param tokensPerCall tokens Azure counts per call against the TPM limit: prompt tokens plus {@code max_tokens}
 * @param jobDuration how long one job takes from start to finish
 */
public record JobLoad(int concurrentJobs, int callsPerJob, long tokensPerCall, Duration jobDuration) {

    /**
     * Validates the components.
     *
     * @param concurrentJobs jobs running at once (a worker's concurrency)
     * @param callsPerJob model calls each job makes (create thread, post message, run, read answer...)
     * @param tokensPerCall tokens Azure counts per call against the TPM limit: prompt tokens plus {@code max_tokens}
     * @param jobDuration how long one job takes from start to finish
     */
    public JobLoad {
        Objects.requireNonNull(jobDuration, "jobDuration");
        if (concurrentJobs <= 0 || callsPerJob <= 0 || tokensPerCall <= 0) {
            throw new IllegalArgumentException("jobs, calls per job and tokens per call must be positive");
        }
        if (jobDuration.isNegative() || jobDuration.isZero()) {
            throw new IllegalArgumentException("jobDuration must be positive, got " + jobDuration);
        }
    }

    /** @return jobs one slot finishes per minute */
    double jobsPerMinutePerSlot() {
        return 60_000.0 / jobDuration.toMillis();
    }

    /** @return model calls per minute at full concurrency */
    public double callsPerMinute() {
        return concurrentJobs * callsPerJob * jobsPerMinutePerSlot();
    }

    /** @return tokens per minute at full concurrency, as Azure counts them */
    public double tokensPerMinute() {
        return callsPerMinute() * tokensPerCall;
    }
}
