package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long the most recent runs of one agent took, as censored observations (when each was last seen in progress,
 * when it was seen finished), and the {@link PollPlan} made from them. Thread-safe.
 */
final class RunDurations {

    /** Observations kept: enough for a stable plan, few enough to follow a change of model or load. */
    static final int WINDOW = 64;
    /** Observations needed before planning; until then polling starts early and backs off. */
    static final int MIN_SAMPLES = 5;

    private final long[][] observed = new long[WINDOW][];
    private int size;
    private int next;
    private PollPlan plan;
    private String planFor;

    /**
     * @param lastSeenRunning time since the start when the run was last seen in progress (zero if never)
     * @param seenFinished time since the start when it was seen finished, or asking for tool outputs
     */
    synchronized void record(Duration lastSeenRunning, Duration seenFinished) {
        long end = Math.max(0, seenFinished.toNanos());
        observed[next] = new long[] {Math.min(end, Math.max(0, lastSeenRunning.toNanos())), end};
        next = (next + 1) % WINDOW;
        size = Math.min(size + 1, WINDOW);
        plan = null;
    }

    /**
     * @param pollCost see {@link PollPlan#plan}
     * @param minGap see {@link PollPlan#plan}
     * @param maxGap see {@link PollPlan#plan}
     * @return the plan for these settings, or {@code null} before {@value #MIN_SAMPLES} runs with a positive
     *     duration were seen
     */
    synchronized PollPlan plan(double pollCost, Duration minGap, Duration maxGap) {
        String settings = pollCost + "/" + minGap + "/" + maxGap;
        if (plan == null || !settings.equals(planFor)) {
            long[][] recent = Arrays.stream(observed, 0, size).filter(o -> o[1] > 0).toArray(long[][]::new);
            if (recent.length < MIN_SAMPLES) {
                return null;
            }
            plan = PollPlan.plan(recent, pollCost, minGap, maxGap);
            planFor = settings;
        }
        return plan;
    }
}
