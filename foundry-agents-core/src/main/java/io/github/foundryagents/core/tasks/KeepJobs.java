package io.github.foundryagents.core.tasks;

import java.time.Duration;
import java.util.Optional;

/**
 * Retention of finished jobs ({@code removeOnComplete} / {@code removeOnFail} in BullMQ): keep the newest
 * {@code count} jobs, and/or the jobs younger than {@code maxAge}. Trimming happens whenever a job finishes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count how many finished jobs to keep; {@value #ALL} keeps every one, 0 removes a job as it finishes
 * @param maxAge finished jobs older than this are removed; {@code null} for no age limit
 */
public record KeepJobs(int count, Duration maxAge) {

    /** The {@link #count()} that means "no count limit". */
    public static final int ALL = -1;

    /** Default for completed jobs in the guidance we follow: the newest 1000. */
    public static final KeepJobs DEFAULT_COMPLETED = last(1000);
    /** Default for failed jobs in the guidance we follow: the newest 5000. */
    public static final KeepJobs DEFAULT_FAILED = last(5000);

    /**
     * @param count how many to keep, or {@value #ALL}
     * @param maxAge age limit or {@code null}
     */
    public KeepJobs {
        if (count < ALL) {
            throw new IllegalArgumentException("count must be -1 (all) or more, got " + count);
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.toSeconds() < 1)) {
            throw new IllegalArgumentException("maxAge must be at least one second (BullMQ stores seconds), got "
                    + maxAge);
        }
    }

    /** @return keep every finished job (no trimming) */
    public static KeepJobs all() {
        return new KeepJobs(ALL, null);
    }

    /** @return remove each job as soon as it finishes */
    public static KeepJobs none() {
        return new KeepJobs(0, null);
    }

    /**
     * @param count how many of the newest finished jobs to keep
     * @return the policy
     */
    public static KeepJobs last(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        return new KeepJobs(count, null);
    }

    /**
     * @param maxAge remove finished jobs older than this
     * @return the policy
     */
    public static KeepJobs maxAge(Duration maxAge) {
        return new KeepJobs(ALL, java.util.Objects.requireNonNull(maxAge, "maxAge"));
    }

    /**
     * @param maxAge remove finished jobs older than this
     * @param count and keep at most this many
     * @return the policy
     */
    public static KeepJobs maxAge(Duration maxAge, int count) {
        return new KeepJobs(count, java.util.Objects.requireNonNull(maxAge, "maxAge"));
    }

    /** @return the age limit, if any */
    public Optional<Duration> age() {
        return Optional.ofNullable(maxAge);
    }
}
