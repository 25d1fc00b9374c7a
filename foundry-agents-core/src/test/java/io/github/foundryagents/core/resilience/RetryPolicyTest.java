package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void defaultsFollowTheProductionGuidance() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(p.maxRetries()).isEqualTo(5);
        assertThat(p.baseDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void backoffCeilingDoublesFromTheBaseAndStopsAtMaxDelay() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(p.backoffCeiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoffCeiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.backoffCeiling(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(p.backoffCeiling(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.backoffCeiling(1_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void noneNeverRetriesButKeepsTheDeadline() {
        assertThat(RetryPolicy.none().maxRetries()).isZero();
        assertThat(RetryPolicy.none().timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1)).hasMessageContaining("use 0");
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(10))
                .maxDelay(Duration.ofSeconds(5)).build()).hasMessageContaining("must not be shorter");
        assertThatThrownBy(() -> RetryPolicy.defaults().backoffCeiling(0)).hasMessageContaining("count from 1");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        RetryPolicy p = RetryPolicy.builder().maxRetries(2).baseDelay(Duration.ofMillis(5))
                .maxDelay(Duration.ofMillis(50)).timeout(Duration.ofSeconds(3)).build();

        assertThat(p.toBuilder().build()).usingRecursiveComparison().isEqualTo(p);
    }
}
