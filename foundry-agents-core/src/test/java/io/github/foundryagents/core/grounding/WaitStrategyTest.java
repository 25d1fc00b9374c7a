package io.github.foundryagents.core.grounding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitStrategyTest {

    @Test
    void adaptivePollingStartsEarlyThenGrowsWithTheElapsedTimeUpToTheCap() {
        WaitStrategy.AdaptivePolling adaptive = WaitStrategy.adaptivePolling();

        assertThat(adaptive.nextDelay(0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(adaptive.nextDelay(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(adaptive.nextDelay(5, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(4));
        assertThat(adaptive.nextDelay(9, Duration.ofSeconds(200))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void adaptivePollingSkipsTheTimeBeforeRunsUsuallyFinish() {
        WaitStrategy.AdaptivePolling adaptive = WaitStrategy.adaptivePolling();
        for (int s = 20; s <= 60; s += 5) {
            adaptive.finished(Duration.ofSeconds(s));
        }

        assertThat(adaptive.nextDelay(0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(adaptive.nextDelay(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(15));
        assertThat(adaptive.withMaxInterval(Duration.ofSeconds(30)).nextDelay(1, Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofSeconds(19));
    }

    @Test
    void fixedIntervalPollsAtItsIntervalWithoutABudget() {
        WaitStrategy.FixedInterval fixed = WaitStrategy.fixedInterval(WaitStrategy.SEED_INTERVAL);

        assertThat(fixed.nextDelay(0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(15));
        assertThat(fixed.nextDelay(3, Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(15));
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
        assertThatThrownBy(() -> WaitStrategy.adaptivePolling().withMaxInterval(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than firstPoll");
    }
}
