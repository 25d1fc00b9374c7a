package io.github.foundryagents.redis.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one user's usage counters live and how a total since an instant is assembled from them. Every call is
 * counted in four UTC buckets: its quarter hour, hour, day and month. Every time zone's months start on a quarter
 * hour, so a month in any zone is its UTC months plus or minus a few quarter-hour, hour and day buckets at the
 * edge: a quota check reads at most about twenty counters, and exactly one for months in UTC.
 *
 * <p>Finer buckets are kept shorter: quarter hours and hours {@value #FINE_DAYS} days, days {@value #DAY_DAYS}
 * days, months {@value #MONTH_DAYS} days after their last call. A total since an older instant is therefore
 * rounded down to the day (past {@value #FINE_DAYS} days) or the month (past {@value #DAY_DAYS} days). Immutable.
 *
 * @param base the user's key prefix, {@code {prefix}:usage:{userId}:}, whose hash tag keeps them in one slot
 */
record UsageBuckets(String base) {

    /** Days quarter-hour and hour counters are kept: longer than any month plus a time zone's offset. */
    static final int FINE_DAYS = 35;
    /** Days day counters are kept. */
    static final int DAY_DAYS = 93;
    /** Days month counters are kept: thirteen months and a bit. */
    static final int MONTH_DAYS = 400;

    private static final DateTimeFormatter QUARTER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    /** Rounding margin: a fine counter is trusted only while it is surely still kept. */
    private static final Duration MARGIN = Duration.ofDays(1);

    /** A counter and whether it adds to or subtracts from the total. */
    record Term(String key, boolean subtract) {
    }

    static UsageBuckets of(String prefix, String userId) {
        return new UsageBuckets(prefix + ":usage:{" + userId + "}:");
    }

    /** @return the quarter-hour, hour, day and month counters of a call at {@code at}, in that order */
    List<String> countersAt(Instant at) {
        LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return List.of(quarter(quarterOf(t)), hour(t), day(t), month(YearMonth.from(t)));
    }

    /** @return lifetimes of {@link #countersAt}'s counters, in seconds, in the same order */
    static List<String> lifetimes() {
        long fine = Duration.ofDays(FINE_DAYS).toSeconds();
        return List.of(Long.toString(fine), Long.toString(fine), Long.toString(Duration.ofDays(DAY_DAYS).toSeconds()),
                Long.toString(Duration.ofDays(MONTH_DAYS).toSeconds()));
    }

    /**
     * @param since the start of the period
     * @param now the end of the period
     * @return counters whose signed sum is the usage from {@code since} (rounded down to its quarter hour, or
     *     coarser when older than the fine counters are kept) until {@code now}
     */
    List<Term> since(Instant since, Instant now) {
        LocalDateTime start = rounded(LocalDateTime.ofInstant(since, ZoneOffset.UTC),
                LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        List<Term> terms = new ArrayList<>();
        if (first.isAfter(last)) {
            return terms;
        }
        boolean subtractHead = start.getDayOfMonth() <= first.lengthOfMonth() / 2;
        for (YearMonth m = subtractHead ? first : first.plusMonths(1); !m.isAfter(last); m = m.plusMonths(1)) {
            terms.add(new Term(month(m), false));
        }
        if (subtractHead) {
            edge(first.atDay(1).atStartOfDay(), start, true, terms);
        } else {
            edge(start, first.plusMonths(1).atDay(1).atStartOfDay(), false, terms);
        }
        return terms;
    }

    /** Adds the counters covering [from, to) inside one month: quarters, then hours, then days, then back down. */
    private void edge(LocalDateTime from, LocalDateTime to, boolean subtract, List<Term> terms) {
        LocalDateTime t = from;
        while (t.isBefore(to)) {
            if (t.getMinute() == 0 && t.getHour() == 0 && !t.plusDays(1).isAfter(to)) {
                terms.add(new Term(day(t), subtract));
                t = t.plusDays(1);
            } else if (t.getMinute() == 0 && !t.plusHours(1).isAfter(to)) {
                terms.add(new Term(hour(t), subtract));
                t = t.plusHours(1);
            } else {
                terms.add(new Term(quarter(t), subtract));
                t = t.plusMinutes(15);
            }
        }
    }

    /** Quarter hour when the fine counters still exist; else the day, or the month. */
    private static LocalDateTime rounded(LocalDateTime since, LocalDateTime now) {
        if (since.isAfter(now.minusDays(FINE_DAYS).plus(MARGIN))) {
            return quarterOf(since);
        }
        if (since.isAfter(now.minusDays(DAY_DAYS).plus(MARGIN))) {
            return since.truncatedTo(ChronoUnit.DAYS);
        }
        return since.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
    }

    private static LocalDateTime quarterOf(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.HOURS).withMinute(t.getMinute() / 15 * 15);
    }

    private String quarter(LocalDateTime t) {
        return base + "q:" + QUARTER.format(t);
    }

    private String hour(LocalDateTime t) {
        return base + "h:" + HOUR.format(t);
    }

    private String day(LocalDateTime t) {
        return base + "d:" + DAY.format(t);
    }

    private String month(YearMonth m) {
        return base + "m:" + MONTH.format(m);
    }
}
