package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final FakeTime time = new FakeTime();

    @Test
    void remainingShrinksWithTheClockAndStopsAtZero() {
        Deadline d = Deadline.after(Duration.ofSeconds(10), time);

        time.advance(Duration.ofSeconds(4));
        assertThat(d.remaining()).isEqualTo(Duration.ofSeconds(6));
        assertThat(d.elapsed()).isEqualTo(Duration.ofSeconds(4));
        assertThat(d.isExpired()).isFalse();

        time.advance(Duration.ofSeconds(7));
        assertThat(d.remaining()).isZero();
        assertThat(d.isExpired()).isTrue();
        assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void earlierPicksTheOneThatEndsFirst() {
        Deadline longer = Deadline.after(Duration.ofSeconds(10), time);
        Deadline shorter = Deadline.after(Duration.ofSeconds(3), time);

        assertThat(longer.earlier(shorter)).isSameAs(shorter);
        assertThat(shorter.earlier(longer)).isSameAs(shorter);
        assertThat(longer.earlier(null)).isSameAs(longer);
    }

    @Test
    void hugeTimeoutsDoNotOverflow() {
        Deadline d = Deadline.after(Duration.ofDays(365L * 1_000_000), time);

        assertThat(d.isExpired()).isFalse();
        assertThat(d.remaining()).isPositive();
    }

    @Test
    void rejectsNonPositiveTimeouts() {
        assertThatThrownBy(() -> Deadline.after(Duration.ZERO, time)).hasMessageContaining("positive");
    }
}
