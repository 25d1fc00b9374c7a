package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.Objects;

/**
 * How a grounded agent learns that a run has finished.
 *
 * <ul>
 *   <li>{@link #streaming()} (default): the run is created with {@code "stream": true} and its server-sent events
 *       tell the client the moment it changes: one request per run, immediate detection. If the stream breaks,
 *       the run is followed by adaptive polling.</li>
 *   <li>{@link #adaptivePolling()}: polls early (to catch quick failures and tool calls), then backs off
 *       geometrically, skipping the time before runs usually finish (learnt from recent runs), and takes every
 *       poll from a {@link PollBudget} shared by all runs of the process.</li>
 *   <li>{@link #fixedInterval(Duration)}: polls at a fixed interval, e.g. {@link #SEED_INTERVAL} (15 s, the
 *       production setting of the guidance this library follows) or one second (the SDKs' default).</li>
 * </ul>
 *
 * Instances are immutable and thread-safe; an {@link AdaptivePolling} instance learns from the runs it follows, so
 * share one per kind of agent.
 */
public sealed interface WaitStrategy permits WaitStrategy.Streaming, WaitStrategy.AdaptivePolling,
        WaitStrategy.FixedInterval {

    /** The fixed polling interval of the guidance's production setting. */
    Duration SEED_INTERVAL = Duration.ofSeconds(15);

    /** @return streaming, falling back to default adaptive polling when a stream breaks */
    static Streaming streaming() {
        return new Streaming(adaptivePolling());
    }

    /** @return adaptive polling with the defaults listed on {@link AdaptivePolling} */
    static AdaptivePolling adaptivePolling() {
        return new AdaptivePolling(AdaptivePolling.DEFAULT_FIRST_POLL, AdaptivePolling.DEFAULT_GROWTH,
                AdaptivePolling.DEFAULT_MAX_INTERVAL, PollBudget.shared());
    }

    /**
     * @param interval time between polls, e.g. {@link #SEED_INTERVAL}
     * @return fixed-interval polling
     */
    static FixedInterval fixedInterval(Duration interval) {
        return new FixedInterval(interval);
    }

    /**
     * Follow the run's server-sent events.
     *
     * @param fallback how to keep following a run whose stream broke
     */
    record Streaming(PollingStrategy fallback) implements WaitStrategy {

        /** Validates the fallback. */
        public Streaming {
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    /** A strategy that polls the run's status. */
    sealed interface PollingStrategy permits AdaptivePolling, FixedInterval {

        /**
         * @param polls polls made so far for this run
         * @param elapsed time since the run started
         * @return how long to wait before the next poll
         */
        Duration nextDelay(int polls, Duration elapsed);

        /** @return the budget each poll is taken from, or {@code null} for none */
        PollBudget budget();

        /**
         * @param runDuration how long a finished run took, for strategies that learn
         */
        default void finished(Duration runDuration) {
        }
    }

    /**
     * Polls early, then backs off: the next poll comes at {@code elapsed × (1 + growth)}, never sooner than
     * {@code firstPoll} after the previous one, never later than {@code maxInterval} after it, and not before the
     * time by which recent runs usually finished (their 5th percentile, once five runs were seen). Every poll is
     * taken from the {@link PollBudget}.
     *
     * <p>Immutable apart from what it learns; copies made with the {@code with...} methods share that knowledge.
     */
    final class AdaptivePolling implements WaitStrategy, PollingStrategy {

        /** Default delay of the first poll. */
        public static final Duration DEFAULT_FIRST_POLL = Duration.ofSeconds(1);
        /** Default growth of the interval relative to the elapsed time. */
        public static final double DEFAULT_GROWTH = 0.2;
        /** Default longest interval: the guidance's fixed setting. */
        public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(15);

        private final Duration firstPoll;
        private final double growth;
        private final Duration maxInterval;
        private final PollBudget budget;
        private final RunDurations learnt;

        AdaptivePolling(Duration firstPoll, double growth, Duration maxInterval, PollBudget budget) {
            this(firstPoll, growth, maxInterval, budget, new RunDurations());
        }

        private AdaptivePolling(Duration firstPoll, double growth, Duration maxInterval, PollBudget budget,
                RunDurations learnt) {
            requirePositive(firstPoll, "firstPoll");
            requirePositive(maxInterval, "maxInterval");
            if (!(growth > 0 && growth <= 10)) {
                throw new IllegalArgumentException("growth must be in (0, 10], got " + growth);
            }
            if (maxInterval.compareTo(firstPoll) < 0) {
                throw new IllegalArgumentException("maxInterval " + maxInterval + " is shorter than firstPoll "
                        + firstPoll);
            }
            this.firstPoll = firstPoll;
            this.growth = growth;
            this.maxInterval = maxInterval;
            this.budget = Objects.requireNonNull(budget, "budget");
            this.learnt = learnt;
        }

        /** @param d delay of the first poll, also the shortest interval (default 1 s) @return a copy with it */
        public AdaptivePolling withFirstPoll(Duration d) {
            return new AdaptivePolling(d, growth, maxInterval, budget, learnt);
        }

        /**
         * @param g growth of the interval relative to the elapsed time (default 0.2: half the runs are seen within
         *     about 10 % of their duration)
         * @return a copy with it
         */
        public AdaptivePolling withGrowth(double g) {
            return new AdaptivePolling(firstPoll, g, maxInterval, budget, learnt);
        }

        /** @param d the longest interval (default 15 s) @return a copy with it */
        public AdaptivePolling withMaxInterval(Duration d) {
            return new AdaptivePolling(firstPoll, growth, d, budget, learnt);
        }

        /** @param b the budget to take polls from (default {@link PollBudget#shared()}) @return a copy with it */
        public AdaptivePolling withBudget(PollBudget b) {
            return new AdaptivePolling(firstPoll, growth, maxInterval, b, learnt);
        }

        /** @return delay of the first poll */
        public Duration firstPoll() {
            return firstPoll;
        }

        /** @return growth of the interval relative to the elapsed time */
        public double growth() {
            return growth;
        }

        /** @return the longest interval */
        public Duration maxInterval() {
            return maxInterval;
        }

        @Override
        public PollBudget budget() {
            return budget;
        }

        @Override
        public Duration nextDelay(int polls, Duration elapsed) {
            if (polls == 0) {
                return firstPoll;
            }
            long now = elapsed.toNanos();
            long target = Math.max((long) (now * (1 + growth)), learnt.quantile(0.05).toNanos());
            long delay = Math.min(Math.max(target - now, firstPoll.toNanos()), maxInterval.toNanos());
            return Duration.ofNanos(delay);
        }

        @Override
        public void finished(Duration runDuration) {
            learnt.record(runDuration);
        }

        @Override
        public String toString() {
            return "AdaptivePolling{firstPoll=" + firstPoll + ", growth=" + growth + ", maxInterval=" + maxInterval
                    + ", budget=" + budget + '}';
        }
    }

    /**
     * Polls at a fixed interval, without a budget: the baseline the guidance describes.
     *
     * @param interval the interval
     */
    record FixedInterval(Duration interval) implements WaitStrategy, PollingStrategy {

        /** Validates the interval. */
        public FixedInterval {
            requirePositive(interval, "interval");
        }

        @Override
        public Duration nextDelay(int polls, Duration elapsed) {
            return interval;
        }

        @Override
        public PollBudget budget() {
            return null;
        }
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
