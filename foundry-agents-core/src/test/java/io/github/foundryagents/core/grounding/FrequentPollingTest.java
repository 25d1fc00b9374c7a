package io.github.foundryagents.core.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FrequentPollingTest {

    @Test
    void warnsAboutFixedIntervalsShorterThanFiveSecondsWithTheFix() {
        assertThat(FrequentPolling.warning("research", WaitStrategy.fixedInterval(Duration.ofSeconds(1)))).get()
                .asString().startsWith("Grounded agent 'research' polls its runs every 1000 ms")
                .contains("WaitStrategy.streaming()").contains("WaitStrategy.SEED_INTERVAL");
        assertThat(FrequentPolling.warning("research", WaitStrategy.fixedInterval(Duration.ofMillis(4999))))
                .isPresent();
    }

    @Test
    void staysQuietForSensibleIntervalsStreamingAndAdaptivePolling() {
        assertThat(FrequentPolling.warning("a", WaitStrategy.fixedInterval(Duration.ofSeconds(5)))).isEmpty();
        assertThat(FrequentPolling.warning("a", WaitStrategy.fixedInterval(WaitStrategy.SEED_INTERVAL))).isEmpty();
        assertThat(FrequentPolling.warning("a", WaitStrategy.streaming())).isEmpty();
        assertThat(FrequentPolling.warning("a", WaitStrategy.adaptivePolling())).isEmpty();
    }
}
