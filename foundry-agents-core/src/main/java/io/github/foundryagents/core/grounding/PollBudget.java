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
 * a burst of polls at once (by default one second's worth) before the rate applies.
 *
 * <p>{@link #shared()} is the process-wide budget adaptive polling uses by default. Thread-safe.
 */
public final class PollBudget {

    /** Capacity of {@link #shared()}: status requests per minute across the process. */
    public static final int DEFAULT_PER_MINUTE = 300;

    private static final PollBudget SHARED = perMinute(DEFAULT_PER_MINUTE);

    private final int perMinute;
    private final int burst;
    private final long spacingNanos;
    private final long toleranceNanos;
    private final Ticker ticker;
    private long nextFree;

    PollBudget(int perMinute, int burst, Ticker ticker) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a poll budget needs at least 1 request per minute, got " + perMinute);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a poll budget's burst must allow at least 1 poll, got " + burst);
        }
        this.perMinute = perMinute;
        this.burst = burst;
        this.spacingNanos = Duration.ofMinutes(1).toNanos() / perMinute;
        this.toleranceNanos = (burst - 1) * spacingNanos;
        this.ticker = ticker;
        this.nextFree = ticker.nanoTime() - toleranceNanos; // a new budget allows its burst at once
    }

    /**
     * @param capacity status requests per minute this process may spend on polling runs, e.g. your share of the
     *     project's Agent Service request limit
     * @return a new budget with a burst of one second's worth of polls ({@code capacity / 60}, at least 1); share
     *     one instance between the agents that should share the capacity
     */
    public static PollBudget perMinute(int capacity) {
        return perMinute(capacity, Math.max(1, capacity / 60));
    }

    /**
     * @param capacity status requests per minute, as for {@link #perMinute(int)}
     * @param burst polls that may go at once before the rate applies, e.g. when many runs started together reach
     *     their first poll together
     * @return a new budget
     */
    public static PollBudget perMinute(int capacity, int burst) {
        return new PollBudget(capacity, burst, Ticker.SYSTEM);
    }

    /** @return the process-wide budget of {@value #DEFAULT_PER_MINUTE} status requests per minute */
    public static PollBudget shared() {
        return SHARED;
    }

    /** @return the capacity in status requests per minute */
    public int perMinute() {
        return perMinute;
    }

    /** @return polls that may go at once before the rate applies */
    public int burst() {
        return burst;
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
     * @param deadlineNanos reading of the budget's clock ({@link System#nanoTime()}) after which to give up
     * @return {@code true} when the caller may poll now, {@code false} when its turn would come after the deadline
     * @throws InterruptedException when interrupted while waiting
     */
    boolean acquire(long deadlineNanos) throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = ticker.nanoTime();
            slot = Math.max(nextFree, now - toleranceNanos);
            if (slot - deadlineNanos > 0) {
                return false;
            }
            nextFree = slot + spacingNanos;
        }
        ticker.sleepNanos(slot - ticker.nanoTime());
        return true;
    }

    @Override
    public String toString() {
        return "PollBudget{" + perMinute + "/min, burst " + burst + '}';
    }
}
