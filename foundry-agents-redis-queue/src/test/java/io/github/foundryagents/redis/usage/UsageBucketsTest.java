package io.github.foundryagents.redis.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.usage.MonthlyPeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageBucketsTest {

    private final UsageBuckets buckets = UsageBuckets.of("p", "alice");
    private final Instant now = Instant.parse("2026-11-25T16:41:07Z");

    private List<String> signed(Instant since) {
        return buckets.since(since, now).stream()
                .map(t -> (t.subtract() ? "-" : "+") + t.key().substring("p:usage:{alice}:".length())).toList();
    }

    @Test
    void aCallCountsInItsQuarterHourHourDayAndMonthUnderTheUsersHashTag() {
        assertThat(buckets.countersAt(Instant.parse("2026-11-25T16:44:59Z"))).containsExactly(
                "p:usage:{alice}:q:2026-11-25T16:30", "p:usage:{alice}:h:2026-11-25T16",
                "p:usage:{alice}:d:2026-11-25", "p:usage:{alice}:m:2026-11");
    }

    @Test
    void aUtcMonthIsOneCounter() {
        assertThat(signed(new MonthlyPeriod(ZoneId.of("UTC")).start(now))).containsExactly("+m:2026-11");
    }

    @Test
    void aMonthWestOfUtcIsTheUtcMonthLessItsFirstHours() {
        // New York's November starts at 04:00 UTC (daylight saving time still runs on November 1).
        assertThat(signed(new MonthlyPeriod(ZoneId.of("America/New_York")).start(now)))
                .containsExactly("+m:2026-11", "-h:2026-11-01T00", "-h:2026-11-01T01", "-h:2026-11-01T02",
                        "-h:2026-11-01T03");
    }

    @Test
    void aMonthEastOfUtcOnAHalfHourIsThePreviousMonthsLastQuartersAndHoursPlusThisMonth() {
        // Kolkata (UTC+5:30): November starts on October 31 at 18:30 UTC.
        assertThat(signed(new MonthlyPeriod(ZoneId.of("Asia/Kolkata")).start(now)))
                .containsExactly("+m:2026-11", "+q:2026-10-31T18:30", "+q:2026-10-31T18:45", "+h:2026-10-31T19",
                        "+h:2026-10-31T20", "+h:2026-10-31T21", "+h:2026-10-31T22", "+h:2026-10-31T23");
    }

    @Test
    void aPeriodStartingMidMonthUsesTheShorterEdge() {
        assertThat(signed(Instant.parse("2026-11-03T10:20:00Z"))).containsExactly("+m:2026-11", "-d:2026-11-01",
                "-d:2026-11-02", "-h:2026-11-03T00", "-h:2026-11-03T01", "-h:2026-11-03T02", "-h:2026-11-03T03",
                "-h:2026-11-03T04", "-h:2026-11-03T05", "-h:2026-11-03T06", "-h:2026-11-03T07", "-h:2026-11-03T08",
                "-h:2026-11-03T09", "-q:2026-11-03T10:00");
        assertThat(signed(Instant.parse("2026-11-25T16:00:00Z"))).containsExactly("+h:2026-11-25T16",
                "+h:2026-11-25T17", "+h:2026-11-25T18", "+h:2026-11-25T19", "+h:2026-11-25T20", "+h:2026-11-25T21",
                "+h:2026-11-25T22", "+h:2026-11-25T23", "+d:2026-11-26", "+d:2026-11-27", "+d:2026-11-28",
                "+d:2026-11-29", "+d:2026-11-30");
    }

    @Test
    void periodsOlderThanTheFineCountersAreRoundedToTheDayThenTheMonth() {
        assertThat(signed(Instant.parse("2026-10-01T07:20:00Z"))).containsExactly("+m:2026-10", "+m:2026-11");
        assertThat(signed(Instant.parse("2026-10-02T07:20:00Z"))).containsExactly("+m:2026-10", "+m:2026-11",
                "-d:2026-10-01");
        assertThat(signed(Instant.parse("2026-07-20T07:20:00Z"))).first().isEqualTo("+m:2026-07");
        assertThat(signed(Instant.parse("2026-07-20T07:20:00Z"))).hasSize(5);
    }

    @Test
    void aPeriodStartingAfterNowIsEmptyOrNetsToNothing() {
        assertThat(signed(Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
    }
}
