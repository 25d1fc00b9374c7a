package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a grounded agent learns that a run has finished.
 *
 * <ul>
 *   <li>{@link #streaming()} (default): the run is created with {@code "stream": true} and its server-sent events
 *       tell the client the moment it changes: one request per run, immediate detection. If the stream breaks,
 *       the run is followed by adaptive polling.</li>
 *   <li>{@link #adaptivePolling()}: plans polls from the durations of the agent's recent runs (none before runs
 *       could plausibly finish, then at narrowing intervals), starts early and backs off while it knows none, and
 *       takes every poll from a {@link PollBudget} shared by all runs of the process.</li>
 *   <li>{@link #fixedInterval(Duration)}: polls at a fixed interval, e.g. {@link #SEED_INTERVAL} (15 s, the
 *       production setting of the guidance this library follows) or one second (the SDKs' default).</li>
 * </ul>
 *
 * Instances are immutable and thread-safe; an {@link AdaptivePolling} instance learns from the runs it follows,
 * separately per agent name and deployment, so one instance can serve several agents.
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
                AdaptivePolling.DEFAULT_MAX_INTERVAL, AdaptivePolling.DEFAULT_POLL_COST, PollBudget.shared());
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

        /**
         * Validates the fallback.
         *
         * @param fallback how to keep following a run whose stream broke
         */
        public Streaming {
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    /** When to poll one run; made as the run starts, so it keeps one plan while other runs teach the strategy. */
    @FunctionalInterface
    interface PollSchedule {

        /**
         * @param polls polls made so far for this run
         * @param elapsed time since the run started (or since tool outputs were submitted)
         * @return how long to wait before the next poll
         */
        Duration nextDelay(int polls, Duration elapsed);
    }

    /** A strategy that polls the run's status. */
    sealed interface PollingStrategy permits AdaptivePolling, FixedInterval {

        /**
         * @param agentKey the kind of run, so strategies that learn keep agents apart: the agent's name and
         *     deployment
         * @return the schedule for a run starting now
         */
        PollSchedule schedule(String agentKey);

        /** @return the budget each poll is taken from, or {@code null} for none */
        PollBudget budget();

        /**
         * Tells a learning strategy how long a run took, as well as the client could see it.
         *
         * @param agentKey as for {@link #schedule}
         * @param lastSeenRunning time since the start when the run was last seen in progress (zero if never)
         * @param seenFinished time since the start when it was seen finished or asking for tool outputs
         */
        default void observed(String agentKey, Duration lastSeenRunning, Duration seenFinished) {
        }
    }

    /**
     * Plans polls from the durations of the agent's recent runs, and starts early then backs off while it has
     * none.
     *
     * <ul>
     *   <li><b>Learnt plan</b> (after 5 runs of the same agent name and deployment; the last 64 count): polls
     *       where they pay for themselves. Each poll costs a request from every run still in progress, so the
     *       plan leaves out the time before runs could plausibly finish, then polls at intervals that narrow as
     *       fewer runs remain, minimising
     *       {@code polls + delay / (pollCost × median duration)} per run. Intervals after the first poll stay
     *       within {@code maxInterval}. A run that outlasts every learnt duration backs off as below.</li>
     *   <li><b>Back-off</b> (cold start, and runs longer than any seen): first poll after {@code firstPoll}
     *       (quick failures, tool calls), then at {@code elapsed × (1 + growth)}, at least {@code firstPoll} and at
     *       most {@code maxInterval} after the previous poll.</li>
     * </ul>
     *
     * Every poll is taken from the {@link PollBudget}. A run teaches the plan when it ends or asks for tools,
     * streamed or polled; a polled run only tells that it ended between two polls, and is counted as such.
     *
     * <p>Immutable apart from what it learns; copies made with the {@code with...} methods share that knowledge.
     */
    final class AdaptivePolling implements WaitStrategy, PollingStrategy {

        /** Default delay of the first poll while cold, and the shortest interval. */
        public static final Duration DEFAULT_FIRST_POLL = Duration.ofSeconds(1);
        /** Default growth of the back-off interval relative to the elapsed time. */
        public static final double DEFAULT_GROWTH = 0.2;
        /** Default longest interval between polls: the guidance's fixed setting. */
        public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(15);
        /**
         * Default poll cost: one poll is worth 2.75 % of the median run duration in expected detection delay. For
         * runs spread over 10–60 s (the range the guidance quotes) that is about 3.6 polls per run, with half the
         * runs seen within 9 % of their duration.
         */
        public static final double DEFAULT_POLL_COST = 0.0275;

        private final Duration firstPoll;
        private final double growth;
        private final Duration maxInterval;
        private final double pollCost;
        private final PollBudget budget;
        private final Map<String, RunDurations> learnt;

        AdaptivePolling(Duration firstPoll, double growth, Duration maxInterval, double pollCost, PollBudget budget) {
            this(firstPoll, growth, maxInterval, pollCost, budget, new ConcurrentHashMap<>());
        }

        private AdaptivePolling(Duration firstPoll, double growth, Duration maxInterval, double pollCost,
                PollBudget budget, Map<String, RunDurations> learnt) {
            requirePositive(firstPoll, "firstPoll");
            requirePositive(maxInterval, "maxInterval");
            if (!(growth > 0 && growth <= 10)) {
                throw new IllegalArgumentException("growth must be in (0, 10], got " + growth);
            }
            if (!(pollCost > 0 && pollCost <= 1)) {
                throw new IllegalArgumentException("pollCost must be in (0, 1], got " + pollCost);
            }
            if (maxInterval.compareTo(firstPoll) < 0) {
                throw new IllegalArgumentException("maxInterval " + maxInterval + " is shorter than firstPoll "
                        + firstPoll);
            }
            this.firstPoll = firstPoll;
            this.growth = growth;
            this.maxInterval = maxInterval;
            this.pollCost = pollCost;
            this.budget = Objects.requireNonNull(budget, "budget");
            this.learnt = learnt;
        }

        /**
         * @param d delay of the first poll while cold, also the shortest interval (default 1 s)
         * @return a copy with it
         */
        public AdaptivePolling withFirstPoll(Duration d) {
            return new AdaptivePolling(d, growth, maxInterval, pollCost, budget, learnt);
        }

        /**
         * @param g growth of the back-off interval relative to the elapsed time (default 0.2: a run is seen within
         *     20 % of its duration while cold)
         * @return a copy with it
         */
        public AdaptivePolling withGrowth(double g) {
            return new AdaptivePolling(firstPoll, g, maxInterval, pollCost, budget, learnt);
        }

        /**
         * @param d the longest interval after the first poll (default 15 s)
         * @return a copy with it
         */
        public AdaptivePolling withMaxInterval(Duration d) {
            return new AdaptivePolling(firstPoll, growth, d, pollCost, budget, learnt);
        }

        /**
         * @param share the expected detection delay one poll is worth, as a share of the median run duration, in
         *     (0, 1] (default {@value #DEFAULT_POLL_COST}); smaller means more polls and quicker detection
         * @return a copy with it
         */
        public AdaptivePolling withPollCost(double share) {
            return new AdaptivePolling(firstPoll, growth, maxInterval, share, budget, learnt);
        }

        /**
         * @param b the budget to take polls from (default {@link PollBudget#shared()})
         * @return a copy with it
         */
        public AdaptivePolling withBudget(PollBudget b) {
            return new AdaptivePolling(firstPoll, growth, maxInterval, pollCost, b, learnt);
        }

        /** @return delay of the first poll while cold */
        public Duration firstPoll() {
            return firstPoll;
        }

        /** @return growth of the back-off interval relative to the elapsed time */
        public double growth() {
            return growth;
        }

        /** @return the longest interval after the first poll */
        public Duration maxInterval() {
            return maxInterval;
        }

        /** @return the detection delay one poll is worth, as a share of the median run duration */
        public double pollCost() {
            return pollCost;
        }

        @Override
        public PollBudget budget() {
            return budget;
        }

        /**
         * @param agentKey as for {@link #schedule}
         * @return the learnt poll times from a run's start, or empty while too few runs were seen
         */
        public List<Duration> plannedPolls(String agentKey) {
            PollPlan plan = plan(agentKey);
            return plan == null ? List.of() : plan.times();
        }

        @Override
        public PollSchedule schedule(String agentKey) {
            PollPlan plan = plan(agentKey);
            return (polls, elapsed) -> nextDelay(plan, polls, elapsed);
        }

        private Duration nextDelay(PollPlan plan, int polls, Duration elapsed) {
            long now = elapsed.toNanos();
            long planned = plan == null ? -1 : plan.nextAfter(now);
            if (planned >= 0) {
                return Duration.ofNanos(Math.max(planned - now, firstPoll.toNanos()));
            }
            if (polls == 0 && plan == null) {
                return firstPoll;
            }
            long backOff = (long) (now * growth);
            return Duration.ofNanos(Math.min(Math.max(backOff, firstPoll.toNanos()), maxInterval.toNanos()));
        }

        @Override
        public void observed(String agentKey, Duration lastSeenRunning, Duration seenFinished) {
            learnt.computeIfAbsent(agentKey, k -> new RunDurations()).record(lastSeenRunning, seenFinished);
        }

        private PollPlan plan(String agentKey) {
            RunDurations durations = learnt.get(agentKey);
            return durations == null ? null : durations.plan(pollCost, firstPoll, maxInterval);
        }

        @Override
        public String toString() {
            return "AdaptivePolling{firstPoll=" + firstPoll + ", growth=" + growth + ", maxInterval=" + maxInterval
                    + ", pollCost=" + pollCost + ", budget=" + budget + '}';
        }
    }

    /**
     * Polls at a fixed interval, without a budget: the baseline the guidance describes.
     *
     * @param interval the interval
     */
    record FixedInterval(Duration interval) implements WaitStrategy, PollingStrategy {

        /**
         * Validates the interval.
         *
         * @param interval the interval
         */
        public FixedInterval {
            requirePositive(interval, "interval");
        }

        @Override
        public PollSchedule schedule(String agentKey) {
            return (polls, elapsed) -> interval;
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
