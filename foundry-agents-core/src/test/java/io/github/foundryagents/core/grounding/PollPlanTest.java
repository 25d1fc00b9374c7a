package io.github.foundryagents.core.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollPlanTest {

    private static final Duration MIN_GAP = Duration.ofSeconds(1);
    private static final Duration MAX_GAP = Duration.ofSeconds(15);
    private static final double COST = WaitStrategy.AdaptivePolling.DEFAULT_POLL_COST;

    @Test
    void waitsUntilRunsCouldHaveFinishedThenPollsAtNarrowingIntervalsUpToTheLongestRun() {
        List<Duration> plan = PollPlan.plan(exact(64, 10, 60, 1), COST, MIN_GAP, MAX_GAP).times();

        assertThat(plan.get(0)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(25));
        for (int i = 2; i < plan.size(); i++) {
            assertThat(plan.get(i).minus(plan.get(i - 1))).isLessThan(plan.get(i - 1).minus(plan.get(i - 2)));
        }
        assertThat(plan.get(plan.size() - 1)).isEqualTo(Duration.ofNanos(59_609_375_000L)); // the longest run seen
    }

    @Test
    void scalingEveryDurationScalesThePlan() {
        List<Duration> seconds = PollPlan.plan(exact(64, 10, 60, 1), COST, MIN_GAP, MAX_GAP).times();
        List<Duration> tenfold = PollPlan.plan(exact(64, 10, 60, 10), COST, MIN_GAP.multipliedBy(10),
                MAX_GAP.multipliedBy(10)).times();

        assertThat(tenfold).hasSameSizeAs(seconds);
        for (int i = 0; i < seconds.size(); i++) {
            assertThat(tenfold.get(i).toMillis() / 10.0).isCloseTo(seconds.get(i).toMillis(), within(1.0));
        }
    }

    @Test
    void aRunOnlyKnownToHaveEndedBeforeAPollCountsAnywhereBeforeIt() {
        long[][] seenByStream = new long[10][];
        long[][] seenByAPollAt20s = new long[10][];
        for (int i = 0; i < 10; i++) {
            seenByStream[i] = new long[] {seconds(20), seconds(20)};
            seenByAPollAt20s[i] = new long[] {0, seconds(20)};
        }

        assertThat(PollPlan.plan(seenByStream, COST, MIN_GAP, MAX_GAP).times()).containsExactly(Duration.ofSeconds(20));
        List<Duration> censored = PollPlan.plan(seenByAPollAt20s, COST, MIN_GAP, MAX_GAP).times();
        assertThat(censored).hasSizeGreaterThan(2);
        assertThat(censored.get(0)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void intervalsAfterTheFirstPollStayWithinTheLongestButTheFirstWaitMayNot() {
        List<Duration> plan = PollPlan.plan(exact(64, 10, 60, 1), COST, MIN_GAP, Duration.ofSeconds(5)).times();

        assertThat(plan.get(0)).isGreaterThan(Duration.ofSeconds(5));
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).minus(plan.get(i - 1))).isLessThanOrEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void findsThePlannedPollAfterAnyElapsedTime() {
        PollPlan plan = PollPlan.plan(exact(64, 10, 60, 1), COST, MIN_GAP, MAX_GAP);
        List<Duration> times = plan.times();

        assertThat(plan.nextAfter(0)).isEqualTo(times.get(0).toNanos());
        assertThat(plan.nextAfter(times.get(0).toNanos())).isEqualTo(times.get(1).toNanos());
        assertThat(plan.nextAfter(times.get(1).toNanos() - 1)).isEqualTo(times.get(1).toNanos());
        assertThat(plan.nextAfter(seconds(60))).isEqualTo(-1);
    }

    @Test
    void needsARunThatTookSomeTime() {
        assertThatThrownBy(() -> PollPlan.plan(new long[][] {{0, 0}}, COST, MIN_GAP, MAX_GAP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("took some time");
    }

    /** Runs spread evenly over [from, to] seconds (times scale), each seen the moment it ended. */
    private static long[][] exact(int runs, double from, double to, int scale) {
        long[][] observed = new long[runs][];
        for (int i = 0; i < runs; i++) {
            long d = (long) ((from + (to - from) * (i + 0.5) / runs) * 1e9) * scale;
            observed[i] = new long[] {d, d};
        }
        return observed;
    }

    private static long seconds(int s) {
        return Duration.ofSeconds(s).toNanos();
    }
}
