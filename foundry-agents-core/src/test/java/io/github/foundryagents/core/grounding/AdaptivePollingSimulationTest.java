package io.github.foundryagents.core.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.grounding.PollingSimulation.Batch;
import io.github.foundryagents.core.grounding.PollingSimulation.Followed;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Adaptive polling followed through {@link RunWaiter} on a simulated clock: deterministic, and instant. */
class AdaptivePollingSimulationTest {

    @Test
    void coldStartPollsEarlyThenBacksOffByAFifthOfTheElapsedTime() {
        PollingSimulation simulation = new PollingSimulation(WaitStrategy.adaptivePolling());

        Followed quick = simulation.follow(Duration.ofMillis(1500));
        Followed slow = simulation.follow(Duration.ofSeconds(30));

        assertThat(quick.polls()).isEqualTo(2);
        assertThat(quick.detection()).isLessThan(Duration.ofSeconds(1));
        assertThat(slow.polls()).isBetween(14, 16); // 1 s apart up to 6 s, then 20 % of the elapsed time
        assertThat(slow.detectionShare()).isLessThanOrEqualTo(0.21);
    }

    @Test
    void afterLearningRunsOf10To60sItNeedsAtMostFourPollsAndSeesHalfTheRunsWithinATenthOfTheirDuration() {
        WaitStrategy.AdaptivePolling adaptive = WaitStrategy.adaptivePolling();
        PollingSimulation simulation = new PollingSimulation(adaptive);
        Random random = new Random(7);
        simulation.follow(PollingSimulation.spread(60, 10, 60, random));

        Batch learnt = simulation.follow(PollingSimulation.spread(200, 10, 60, random));

        assertThat(learnt.meanPolls()).isLessThanOrEqualTo(4.0);
        assertThat(learnt.medianDetectionShare()).isLessThanOrEqualTo(0.10);
        assertThat(adaptive.plannedPolls(PollingSimulation.AGENT).get(0)).isGreaterThan(Duration.ofSeconds(12));
    }

    @Test
    void fixedFifteenSecondPollingNeedsFewerPollsButSeesRunsTwiceAsLate() {
        Random random = new Random(7);
        List<Duration> durations = PollingSimulation.spread(200, 10, 60, random);

        Batch fixed = new PollingSimulation(WaitStrategy.fixedInterval(WaitStrategy.SEED_INTERVAL)).follow(durations);

        assertThat(fixed.meanPolls()).isBetween(2.5, 3.1);
        assertThat(fixed.medianDetectionShare()).isGreaterThan(0.15);
    }

    @Test
    void followsRunsThatBecomeMuchShorter() {
        WaitStrategy.AdaptivePolling adaptive = WaitStrategy.adaptivePolling();
        PollingSimulation simulation = new PollingSimulation(adaptive);
        Random random = new Random(11);
        simulation.follow(PollingSimulation.spread(RunDurations.WINDOW, 40, 60, random));
        Duration firstPollBefore = adaptive.plannedPolls(PollingSimulation.AGENT).get(0);

        simulation.follow(PollingSimulation.spread(40, 5, 10, random));
        Batch after = simulation.follow(PollingSimulation.spread(20, 5, 10, random));

        assertThat(firstPollBefore).isGreaterThan(Duration.ofSeconds(35));
        assertThat(adaptive.plannedPolls(PollingSimulation.AGENT).get(0)).isLessThan(Duration.ofSeconds(10));
        assertThat(after.medianDetectionShare()).isLessThan(0.5);
    }

    @Test
    void streamedRunsTeachTheFallbackWhenTheyEnded() {
        WaitStrategy.Streaming streaming = WaitStrategy.streaming();
        PollingSimulation simulation = new PollingSimulation(streaming);

        for (int i = 0; i < RunDurations.MIN_SAMPLES; i++) {
            assertThat(simulation.stream(Duration.ofSeconds(30)).polls()).isZero();
        }

        List<Duration> plan = ((WaitStrategy.AdaptivePolling) streaming.fallback())
                .plannedPolls(PollingSimulation.AGENT);
        assertThat(plan.get(0)).isGreaterThan(Duration.ofSeconds(29));
        assertThat(plan.get(plan.size() - 1)).isEqualTo(Duration.ofSeconds(30));
    }
}
