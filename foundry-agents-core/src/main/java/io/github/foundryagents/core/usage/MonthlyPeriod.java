package io.github.foundryagents.core.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Calendar months in a time zone: where the current quota period starts and when it resets. Months start at the
 * first moment of the first day in the zone (midnight, or the first valid time where a daylight-saving change
 * skips midnight). Immutable and thread-safe.
 *
 * @param zone the time zone whose calendar defines months
 */
public record MonthlyPeriod(ZoneId zone) {

    /**
     * Validates the zone.
     *
     * @param zone the time zone whose calendar defines months
     */
    public MonthlyPeriod {
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * @param now an instant
     * @return the start of the month holding it
     */
    public Instant start(Instant now) {
        return LocalDate.ofInstant(now, zone).withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }

    /**
     * @param now an instant
     * @return the start of the next month, when a monthly quota resets
     */
    public Instant resetsAt(Instant now) {
        return LocalDate.ofInstant(now, zone).withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
    }

    /**
     * @param clock the clock to read
     * @return the start of the current month
     */
    public Instant start(Clock clock) {
        return start(clock.instant());
    }
}
