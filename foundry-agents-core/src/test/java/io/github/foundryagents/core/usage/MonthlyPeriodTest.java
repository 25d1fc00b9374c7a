package io.github.foundryagents.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MonthlyPeriodTest {

    @Test
    void monthsStartAtMidnightOfTheFirstInTheConfiguredZone() {
        Instant lateOnTheLastUtc = Instant.parse("2026-11-30T23:30:00Z");

        assertThat(new MonthlyPeriod(ZoneOffset.UTC).start(lateOnTheLastUtc))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(new MonthlyPeriod(ZoneOffset.UTC).resetsAt(lateOnTheLastUtc))
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        MonthlyPeriod paris = new MonthlyPeriod(ZoneId.of("Europe/Paris"));
        assertThat(paris.start(lateOnTheLastUtc)).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(paris.resetsAt(lateOnTheLastUtc)).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
    }

    @Test
    void halfHourZonesAndDecemberRollOverCorrectly() {
        MonthlyPeriod kolkata = new MonthlyPeriod(ZoneId.of("Asia/Kolkata"));

        assertThat(kolkata.start(Instant.parse("2026-12-15T00:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T18:30:00Z"));
        assertThat(kolkata.resetsAt(Instant.parse("2026-12-15T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-31T18:30:00Z"));
    }
}
