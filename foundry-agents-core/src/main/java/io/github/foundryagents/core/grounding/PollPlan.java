package io.github.foundryagents.core.grounding;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * When to poll a run, planned from how long earlier runs of the same agent took. Immutable.
 *
 * <p>Planning is an inspection problem (Barlow, Hunter and Proschan's optimal checking schedules): each poll
 * costs one request from every run still in progress, and each moment a finished run goes unnoticed costs
 * detection delay. The plan minimises, over the learnt distribution of durations,
 * {@code E[polls per run] + E[detection delay] / (pollCost × median duration)}, so one poll is spent only where
 * it saves at least {@code pollCost} of a typical run's duration in expected delay. Polls therefore wait until
 * runs could plausibly have finished, then come at intervals that shrink as fewer runs remain in progress, and
 * the last one lands on the longest duration seen. The plan stays the same if every duration is scaled, so the
 * cost is a share, not a time.
 *
 * <p>The distribution is estimated from censored observations: a run seen in progress at 20 s and finished at
 * 28 s ended somewhere in between, so its weight is spread evenly over that interval (at least 5 % of its end
 * wide, which also smooths exact observations from streams). A run already finished at its first poll is spread
 * like the runs seen more precisely before that poll (see {@link #distribution}). Durations are discretised into
 * {@value #CELLS} cells up to the longest seen; dynamic programming over the cells finds the plan in
 * {@code O(cells²)}.
 */
final class PollPlan {

    private static final int CELLS = 256;
    private static final double MIN_SPREAD = 0.05;

    private final long[] times;

    private PollPlan(long[] times) {
        this.times = times;
    }

    /**
     * @param observed when each run was last seen in progress and when it was seen finished, in nanoseconds since
     *     it started: {@code observed[i][0] <= observed[i][1]}, at least one with a positive end
     * @param pollCost the detection delay one poll is worth, as a share of the median duration
     * @param minGap shortest time from the run's start, or from one poll, to the next poll
     * @param maxGap longest time between two polls once the first was made
     * @return the plan
     */
    static PollPlan plan(long[][] observed, double pollCost, Duration minGap, Duration maxGap) {
        long horizon = Arrays.stream(observed).mapToLong(o -> o[1]).max().orElse(0);
        if (horizon <= 0) {
            throw new IllegalArgumentException("a poll plan needs at least one run that took some time");
        }
        double cell = (double) horizon / CELLS;
        int minCells = (int) Math.min(CELLS, Math.max(1, Math.ceil(minGap.toNanos() / cell)));
        int maxCells = (int) Math.min(CELLS, Math.max(minCells, Math.floor(maxGap.toNanos() / cell)));
        int[] next = cheapestNextPolls(distribution(observed, cell), pollCost, minCells, maxCells);
        long[] times = new long[CELLS];
        int n = 0;
        for (int i = next[0]; ; i = next[i]) {
            times[n++] = i == CELLS ? horizon : Math.round(i * cell);
            if (i == CELLS) {
                break;
            }
        }
        return new PollPlan(Arrays.copyOf(times, n));
    }

    /**
     * Dynamic programming from the last cell back: the cheapest way to follow a run still in progress at cell
     * {@code i} polls next at {@code next[i]}. A poll at {@code j} after one at {@code i} costs the share of runs
     * still in progress at {@code i}, plus the weighted delay of the runs ending between the two.
     *
     * @return for each cell, the cell of the next poll; {@code next[0]} is the first poll
     */
    private static int[] cheapestNextPolls(double[] mass, double pollCost, int minCells, int maxCells) {
        double[] finishedBy = new double[CELLS + 1];
        double[] delayMoment = new double[CELLS + 1];
        for (int k = 0; k < CELLS; k++) {
            finishedBy[k + 1] = finishedBy[k] + mass[k];
            delayMoment[k + 1] = delayMoment[k] + mass[k] * (k + 0.5);
        }
        double weight = 1 / (pollCost * median(finishedBy));
        double[] cost = new double[CELLS + 1];
        int[] next = new int[CELLS + 1];
        for (int i = CELLS - 1; i >= 0; i--) {
            double stillRunning = 1 - finishedBy[i];
            int last = i == 0 ? CELLS : Math.min(CELLS, i + maxCells);
            cost[i] = Double.POSITIVE_INFINITY;
            for (int j = Math.min(CELLS, i + minCells); j <= last; j++) {
                double delay = j * (finishedBy[j] - finishedBy[i]) - (delayMoment[j] - delayMoment[i]);
                double c = stillRunning + weight * delay + cost[j];
                if (c < cost[i]) {
                    cost[i] = c;
                    next[i] = j;
                }
            }
        }
        return next;
    }

    /**
     * @param elapsedNanos time since the run started
     * @return the time of the first planned poll after it, or {@code -1} when the run has outlasted the plan
     */
    long nextAfter(long elapsedNanos) {
        int i = Arrays.binarySearch(times, elapsedNanos + 1);
        int at = i >= 0 ? i : -i - 1;
        return at < times.length ? times[at] : -1;
    }

    /** @return the planned poll times, from the run's start */
    List<Duration> times() {
        return Arrays.stream(times).mapToObj(Duration::ofNanos).toList();
    }

    /**
     * Estimates the distribution of durations: each observation's weight spread over the cells its interval
     * covers. A run not seen in progress after it started only tells that it ended before it was seen finished, so
     * its weight follows the runs seen more precisely within that interval, plus an even share worth one such run
     * for what they cannot tell (one self-consistency step of Turnbull's estimator, with a uniform prior).
     *
     * @return weight per cell, summing to 1
     */
    private static double[] distribution(long[][] observed, double cell) {
        double[] seen = new double[CELLS];
        for (long[] o : observed) {
            if (!onlyEndKnown(o)) {
                add(seen, share(o, cell), null);
            }
        }
        double[] mass = seen.clone();
        for (long[] o : observed) {
            if (onlyEndKnown(o)) {
                add(mass, share(o, cell), seen);
            }
        }
        double total = Arrays.stream(mass).sum();
        for (int k = 0; k < CELLS; k++) {
            mass[k] /= total;
        }
        return mass;
    }

    private static boolean onlyEndKnown(long[] observation) {
        return observation[0] < MIN_SPREAD * observation[1];
    }

    /** @return each cell's share of the observation's interval, widened to {@link #MIN_SPREAD} of its end */
    private static double[] share(long[] observation, double cell) {
        double end = observation[1] / cell;
        double from = observation[0] / cell;
        double width = Math.max(end - from, MIN_SPREAD * end);
        if (end - from < width) {
            from = (from + end - width) / 2;
            end = from + width;
        }
        from = Math.max(0, from);
        end = Math.min(CELLS, end);
        double[] share = new double[CELLS];
        if (end - from <= 0) {
            share[(int) Math.min(CELLS - 1, Math.max(0, Math.floor(from)))] = 1;
            return share;
        }
        for (int k = (int) Math.floor(from); k < end && k < CELLS; k++) {
            share[k] = (Math.min(end, k + 1) - Math.max(from, k)) / (end - from);
        }
        return share;
    }

    /** Adds one observation's weight of 1, spread as {@code share}, or as {@code guide + share} within it. */
    private static void add(double[] mass, double[] share, double[] guide) {
        double[] weight = new double[CELLS];
        double total = 0;
        for (int k = 0; k < CELLS; k++) {
            weight[k] = guide == null || share[k] == 0 ? share[k] : guide[k] + share[k];
            total += weight[k];
        }
        for (int k = 0; k < CELLS; k++) {
            mass[k] += weight[k] / total;
        }
    }

    /** @return the median in cells, interpolated within its cell */
    private static double median(double[] finishedBy) {
        int k = 0;
        while (k < CELLS - 1 && finishedBy[k + 1] < 0.5) {
            k++;
        }
        double inCell = finishedBy[k + 1] - finishedBy[k];
        double median = k + (inCell > 0 ? (0.5 - finishedBy[k]) / inCell : 0.5);
        return Math.max(median, 0.5);
    }
}
