package io.github.foundryagents.core.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitStrategyTest {

    private static final String AGENT = "news@gpt-4o";

    @Test
    void coldAdaptivePollingStartsEarlyThenGrowsWithTheElapsedTimeUpToTheCap() {
        WaitStrategy.AdaptivePolling adaptive = WaitStrategy.adaptivePolling();

        assertThat(adaptive.schedule(AGENT).nextDelay(0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(adaptive.schedule(AGENT).nextDelay(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(adaptive.schedule(AGENT).nextDelay(5, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(4));
        assertThat(adaptive.schedule(AGENT).nextDelay(9, Duration.ofSeconds(200))).isEqualTo(Duration.ofSeconds(15));
        assertThat(adaptive.plannedPolls(AGENT)).isEmpty();
    }

    @Test
    void learntPlanWaitsUntilRunsCouldHaveFinishedAndEndsWithTheLongestRun() {
        WaitStrategy.AdaptivePolling adaptive = learntFrom20To60s(WaitStrategy.adaptivePolling());

        List<Duration> plan = adaptive.plannedPolls(AGENT);
        Duration first = adaptive.schedule(AGENT).nextDelay(0, Duration.ZERO);
        assertThat(first).isEqualTo(plan.get(0)).isGreaterThan(Duration.ofSeconds(19));
        assertThat(plan.get(plan.size() - 1)).isEqualTo(Duration.ofSeconds(60));
        Duration afterFirst = adaptive.schedule(AGENT).nextDelay(1, first);
        assertThat(afterFirst).isEqualTo(plan.get(1).minus(first)).isLessThanOrEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aRunLongerThanAnyLearntBacksOffFromItsElapsedTime() {
        WaitStrategy.AdaptivePolling adaptive = learntFrom20To60s(WaitStrategy.adaptivePolling());

        assertThat(adaptive.schedule(AGENT).nextDelay(6, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(12));
        assertThat(adaptive.schedule(AGENT).nextDelay(7, Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aPlannedPollRightAfterALateOneStillWaitsTheShortestInterval() {
        WaitStrategy.AdaptivePolling adaptive = learntFrom20To60s(WaitStrategy.adaptivePolling());
        Duration second = adaptive.plannedPolls(AGENT).get(1);

        assertThat(adaptive.schedule(AGENT).nextDelay(1, second.minusMillis(100))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void learnsPerAgentAndSharesWhatItLearntWithItsCopies() {
        WaitStrategy.AdaptivePolling adaptive = learntFrom20To60s(WaitStrategy.adaptivePolling());

        assertThat(adaptive.schedule("other@gpt-4o").nextDelay(0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(adaptive.plannedPolls("news@gpt-4o-mini")).isEmpty();
        assertThat(adaptive.withMaxInterval(Duration.ofSeconds(30)).plannedPolls(AGENT)).isNotEmpty();
    }

    @Test
    void aCheaperPollBuysMorePolls() {
        WaitStrategy.AdaptivePolling adaptive = learntFrom20To60s(WaitStrategy.adaptivePolling());

        assertThat(adaptive.withPollCost(0.01).plannedPolls(AGENT).size())
                .isGreaterThan(adaptive.plannedPolls(AGENT).size())
                .isGreaterThan(adaptive.withPollCost(0.1).plannedPolls(AGENT).size());
    }

    @Test
    void fixedIntervalPollsAtItsIntervalWithoutABudget() {
        WaitStrategy.FixedInterval fixed = WaitStrategy.fixedInterval(WaitStrategy.SEED_INTERVAL);
        fixed.observed(AGENT, Duration.ofSeconds(1), Duration.ofSeconds(2));

        assertThat(fixed.schedule(AGENT).nextDelay(0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(15));
        assertThat(fixed.schedule(AGENT).nextDelay(3, Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(15));
        assertThat(fixed.budget()).isNull();
    }

    @Test
    void streamingFallsBackToAdaptivePollingWithTheSharedBudget() {
        assertThat(WaitStrategy.streaming().fallback()).isInstanceOf(WaitStrategy.AdaptivePolling.class);
        assertThat(WaitStrategy.adaptivePolling().budget()).isSameAs(PollBudget.shared());
    }

    @Test
    void rejectsNonsensicalSettings() {
        assertThatThrownBy(() -> WaitStrategy.fixedInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaitStrategy.adaptivePolling().withGrowth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaitStrategy.adaptivePolling().withPollCost(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollCost");
        assertThatThrownBy(() -> WaitStrategy.adaptivePolling().withPollCost(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaitStrategy.adaptivePolling().withMaxInterval(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than firstPoll");
    }

    /** Runs of 20, 25, … 60 s, each seen by a stream the moment it ended. */
    private static WaitStrategy.AdaptivePolling learntFrom20To60s(WaitStrategy.AdaptivePolling adaptive) {
        for (int s = 20; s <= 60; s += 5) {
            adaptive.observed(AGENT, Duration.ofSeconds(s), Duration.ofSeconds(s));
        }
        return adaptive;
    }
}
