package io.github.foundryagents.core.capacity;

import java.util.Objects;

/**
 * A steady workload to price on Standard (pay per token) and Provisioned (PTU) deployments.
 *
 * @param model the model, e.g. {@code gpt-4o}
 * @param inputTokensPerMinute average prompt tokens per minute while active
 * @param outputTokensPerMinute average completion tokens per minute while active
 * @param peakFactor peak minute ÷ average minute (PTUs are sized for the peak); at least 1
 * @param activeHoursPerDay hours per day the workload runs (0 &lt; h &lt;= 24)
 */
public record Workload(String model, long inputTokensPerMinute, long outputTokensPerMinute, double peakFactor,
        double activeHoursPerDay) {

    /**
     * Validates the components.
     *
     * @param model the model, e.g. {@code gpt-4o}
     * @param inputTokensPerMinute average prompt tokens per minute while active
     * @param outputTokensPerMinute average completion tokens per minute while active
     * @param peakFactor peak minute ÷ average minute (PTUs are sized for the peak); at least 1
     * @param activeHoursPerDay hours per day the workload runs (0 &lt; h &lt;= 24)
     */
    public Workload {
        Objects.requireNonNull(model, "model");
        if (inputTokensPerMinute < 0 || outputTokensPerMinute < 0) {
            throw new IllegalArgumentException("token rates cannot be negative");
        }
        if (!(peakFactor >= 1)) {
            throw new IllegalArgumentException("peakFactor is peak ÷ average, at least 1, got " + peakFactor);
        }
        if (!(activeHoursPerDay > 0 && activeHoursPerDay <= 24)) {
            throw new IllegalArgumentException("activeHoursPerDay must be in (0, 24], got " + activeHoursPerDay);
        }
    }

    /**
     * @param model the model
     * @param inputTokensPerMinute average prompt tokens per minute
     * @param outputTokensPerMinute average completion tokens per minute
     * @return a workload running around the clock with no peaks
     */
    public static Workload steady(String model, long inputTokensPerMinute, long outputTokensPerMinute) {
        return new Workload(model, inputTokensPerMinute, outputTokensPerMinute, 1, 24);
    }

    /**
     * @param factor peak ÷ average
     * @return a copy with that peak factor
     */
    public Workload withPeakFactor(double factor) {
        return new Workload(model, inputTokensPerMinute, outputTokensPerMinute, factor, activeHoursPerDay);
    }

    /**
     * @param hours hours per day the workload runs
     * @return a copy running that long
     */
    public Workload withActiveHoursPerDay(double hours) {
        return new Workload(model, inputTokensPerMinute, outputTokensPerMinute, peakFactor, hours);
    }
}
