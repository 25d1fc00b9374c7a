package io.github.foundryagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaTest {

    @Test
    void budgetsScaleWithTheWindow() {
        Quota quota = Quota.tpm(60_000).window(Duration.ofSeconds(6));

        assertThat(quota.tokenBudget()).isEqualTo(6_000);
        assertThat(quota.requestBudget()).isEqualTo(6); // 360 RPM, counted over a sixth of the 6 s window
    }

    @Test
    void hugeQuotasDoNotOverflowIntoRefusals() {
        Quota quota = Quota.tpm(10_000_000_000L);

        assertThat(quota.tokenBudget()).isEqualTo(10_000_000_000L);
        assertThat(quota.requestBudget()).isEqualTo(10_000_000L);
    }
}
