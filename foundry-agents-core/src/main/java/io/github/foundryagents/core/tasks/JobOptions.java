package io.github.foundryagents.core.tasks;

import io.github.foundryagents.core.chat.Priority;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of one job, with BullMQ's names and meaning. Defaults follow the production guidance we follow:
 * 3 attempts, exponential backoff from 5 s, keep the last 1000 completed and 5000 failed jobs.
 *
 * <pre>{@code
 * JobOptions.builder().jobId(taskId).priority(Priority.PREMIUM).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class JobOptions {

    /** Default number of attempts: {@value}. */
    public static final int DEFAULT_ATTEMPTS = 3;

    private static final JobOptions DEFAULTS = builder().build();

    private final String jobId;
    private final int priority;
    private final Duration delay;
    private final int attempts;
    private final Backoff backoff;
    private final KeepJobs removeOnComplete;
    private final KeepJobs removeOnFail;
    private final boolean lifo;

    private JobOptions(Builder b) {
        this.jobId = b.jobId;
        this.priority = b.priority;
        this.delay = b.delay;
        this.attempts = b.attempts;
        this.backoff = b.backoff;
        this.removeOnComplete = b.removeOnComplete;
        this.removeOnFail = b.removeOnFail;
        this.lifo = b.lifo;
    }

    /** @return the defaults */
    public static JobOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.jobId = jobId;
        b.priority = priority;
        b.delay = delay;
        b.attempts = attempts;
        b.backoff = backoff;
        b.removeOnComplete = removeOnComplete;
        b.removeOnFail = removeOnFail;
        b.lifo = lifo;
        return b;
    }

    /** @return the caller's job id; adding a job whose id exists keeps the first job. Empty: the queue numbers it */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    /** @return 0 for none (plain FIFO, ahead of every prioritized job, as in BullMQ), else 1 (first) … 2^21-1 */
    public int priority() {
        return priority;
    }

    /** @return how long the job waits before it may run; zero by default */
    public Duration delay() {
        return delay;
    }

    /** @return how many times the job may run before it fails for good; default {@value #DEFAULT_ATTEMPTS} */
    public int attempts() {
        return attempts;
    }

    /** @return the wait between attempts; empty means retry at once */
    public Optional<Backoff> backoff() {
        return Optional.ofNullable(backoff);
    }

    /** @return retention of completed jobs; default {@link KeepJobs#DEFAULT_COMPLETED} */
    public KeepJobs removeOnComplete() {
        return removeOnComplete;
    }

    /** @return retention of failed jobs; default {@link KeepJobs#DEFAULT_FAILED} */
    public KeepJobs removeOnFail() {
        return removeOnFail;
    }

    /** @return whether the job jumps to the head of the wait list (last in, first out) */
    public boolean lifo() {
        return lifo;
    }

    @Override
    public String toString() {
        return "JobOptions{jobId=" + jobId + ", priority=" + priority + ", delay=" + delay + ", attempts="
                + attempts + ", backoff=" + backoff + ", removeOnComplete=" + removeOnComplete + ", removeOnFail="
                + removeOnFail + ", lifo=" + lifo + '}';
    }

    /**
     * Checks a caller-chosen job id against BullMQ's rules, so ids never collide with queue-numbered ones or
     * with internal markers.
     *
     * @param id a job id
     * @return the id
     * @throws IllegalArgumentException naming the rule the id breaks
     */
    public static String checkJobId(String id) {
        Objects.requireNonNull(id, "jobId");
        if (id.isEmpty() || id.length() > 256) {
            throw new IllegalArgumentException("jobId must have 1 to 256 characters, got " + id.length());
        }
        if (id.equals("0") || id.startsWith("0:")) {
            throw new IllegalArgumentException("jobId '" + id + "' is reserved: BullMQ uses 0 and 0:* as markers");
        }
        if (id.matches("-?[1-9][0-9]{0,15}")) {
            throw new IllegalArgumentException("jobId '" + id + "' is an integer; integer ids belong to the queue's"
                    + " counter. Use a non-numeric id such as 'task-" + id + "'");
        }
        if (id.contains(":") && id.split(":", -1).length != 3) {
            throw new IllegalArgumentException("jobId '" + id + "' contains ':'; BullMQ reserves ':' for its own"
                    + " keys. Use '-' or '_' instead");
        }
        return id;
    }

    /**
     * Builds {@link JobOptions}. Not thread-safe.
     */
    public static final class Builder {
        private String jobId;
        private int priority;
        private Duration delay = Duration.ZERO;
        private int attempts = DEFAULT_ATTEMPTS;
        private Backoff backoff = Backoff.DEFAULT;
        private KeepJobs removeOnComplete = KeepJobs.DEFAULT_COMPLETED;
        private KeepJobs removeOnFail = KeepJobs.DEFAULT_FAILED;
        private boolean lifo;

        private Builder() {
        }

        /**
         * @param jobId a unique id (idempotency key), see {@link #checkJobId(String)}; {@code null} to let the
         *     queue number the job
         * @return this builder
         */
        public Builder jobId(String jobId) {
            this.jobId = jobId == null ? null : checkJobId(jobId);
            return this;
        }

        /**
         * @param priority 0 for none, else {@link Priority#HIGHEST} (first) … {@link Priority#LOWEST};
         *     premium {@value Priority#PREMIUM}, standard {@value Priority#STANDARD}
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = priority == 0 ? 0 : Priority.check(priority);
            return this;
        }

        /**
         * @param delay how long the job waits before it may run; zero (the default) for none
         * @return this builder
         */
        public Builder delay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, got " + delay);
            }
            this.delay = delay;
            return this;
        }

        /**
         * @param attempts runs allowed before the job fails for good, at least 1; default {@value #DEFAULT_ATTEMPTS}
         * @return this builder
         */
        public Builder attempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        /**
         * @param backoff wait between attempts; {@code null} retries at once. Default exponential from 5 s
         * @return this builder
         */
        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /**
         * @param keep retention of completed jobs; default the newest 1000
         * @return this builder
         */
        public Builder removeOnComplete(KeepJobs keep) {
            this.removeOnComplete = Objects.requireNonNull(keep, "keep");
            return this;
        }

        /**
         * @param keep retention of failed jobs; default the newest 5000
         * @return this builder
         */
        public Builder removeOnFail(KeepJobs keep) {
            this.removeOnFail = Objects.requireNonNull(keep, "keep");
            return this;
        }

        /**
         * @param lifo {@code true} puts the job at the head of the wait list; default {@code false}
         * @return this builder
         */
        public Builder lifo(boolean lifo) {
            this.lifo = lifo;
            return this;
        }

        /** @return the options */
        public JobOptions build() {
            return new JobOptions(this);
        }
    }
}
