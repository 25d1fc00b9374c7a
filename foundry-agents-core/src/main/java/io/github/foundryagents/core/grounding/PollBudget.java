package io.github.foundryagents.core.grounding;

import java.time.Duration;

/**
 * A rate of status requests shared by every run that polls through it, so many parallel runs cannot exhaust the
 * Agent Service's request limit the way one-second polling per run does.
 *
 * <p>The guidance this library follows sizes polling with {@code capacity / (parallel_operations ×
 * polls_per_run)}. A budget applies that formula continuously: with a capacity of {@code C} status requests per
 * minute and {@code P} runs in flight, each run gets at most {@code C / P} polls per minute, i.e. an interval of at
 * least {@code P × 60 s / C} ({@link #minimumInterval(int)}). Runs ask the budget before each poll and wait for
 * their turn (first come, first served), so the interval stretches by itself as parallelism grows. A budget allows
 * a burst of one second's worth of polls.
 *
 * <p>{@link #shared()} is the process-wide budget adaptive polling uses by default. Thread-safe.
 */
public final class PollBudget {

    /** Capacity of {@link #shared()}: status requests per minute across the process. */
    public static final int DEFAULT_PER_MINUTE = 300;

    private static final PollBudget SHARED = perMinute(DEFAULT_PER_MINUTE);

    private final int perMinute;
    private final long spacingNanos;
    private final long toleranceNanos;
    private long nextFree;

    private PollBudget(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a poll budget needs at least 1 request per minute, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.spacingNanos = Duration.ofMinutes(1).toNanos() / perMinute;
        this.toleranceNanos = Math.max(0, Duration.ofSeconds(1).toNanos() - spacingNanos);
        this.nextFree = System.nanoTime();
    }

    /**
     * @param capacity status requests per minute this process may spend on polling runs, e.g. your share of the
     *     project's Agent Service request limit
     * @return a new budget; share one instance between the agents that should share the capacity
     */
    public static PollBudget perMinute(int capacity) {
        return new PollBudget(capacity);
    }

    /** @return the process-wide budget of {@value #DEFAULT_PER_MINUTE} status requests per minute */
    public static PollBudget shared() {
        return SHARED;
    }

    /** @return the capacity in status requests per minute */
    public int perMinute() {
        return perMinute;
    }

    /**
     * @param parallelRuns runs polling at the same time
     * @return the shortest interval each of them gets: {@code parallelRuns × 60 s / capacity}
     */
    public Duration minimumInterval(int parallelRuns) {
        return Duration.ofNanos(spacingNanos * Math.max(1, parallelRuns));
    }

    /**
     * Waits for this caller's turn to poll.
     *
     * @param deadlineNanos {@link System#nanoTime()} after which to give up
     * @return {@code true} when the caller may poll now, {@code false} when its turn would come after the deadline
     * @throws InterruptedException when interrupted while waiting
     */
    boolean acquire(long deadlineNanos) throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(nextFree, now - toleranceNanos);
            if (slot - deadlineNanos > 0) {
                return false;
            }
            nextFree = slot + spacingNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return true;
    }

    @Override
    public String toString() {
        return "PollBudget{" + perMinute + "/min}";
    }
}
