package io.github.foundryagents.core.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link UsageStore}: per user, usage summed into one-minute buckets, kept for a retention period.
 * Memory grows with users × active minutes, not with calls. Totals have one-minute resolution: a period counts
 * from the start of the minute holding its first instant (a month starts on a whole minute in every time zone,
 * so monthly totals are exact). The latest period asked for is kept up to date as calls are recorded, so the
 * quota check before each call costs the same on the 1st and on the 31st. Records without a user id are not kept.
 * Usage lives only as long as the process: use a shared store when several instances enforce one quota.
 * Thread-safe.
 */
public final class InMemoryUsageStore implements UsageStore {

    /** Default retention: 93 days, enough for this and the two previous months. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(93);

    private final Duration retention;
    private final Map<String, UserUsage> byUser = new ConcurrentHashMap<>();

    /** Creates a store keeping {@link #DEFAULT_RETENTION}. */
    public InMemoryUsageStore() {
        this(DEFAULT_RETENTION);
    }

    /**
     * @param retention how long usage is kept after it was recorded
     */
    public InMemoryUsageStore(Duration retention) {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        this.retention = retention;
    }

    @Override
    public void record(UsageRecord record) {
        if (record.userId() != null) {
            byUser.computeIfAbsent(record.userId(), u -> new UserUsage()).record(record, retention);
        }
    }

    @Override
    public UsageTotals totalSince(String userId, Instant since) {
        UserUsage usage = byUser.get(Objects.requireNonNull(userId, "userId"));
        return usage == null ? UsageTotals.NONE : usage.since(minute(since));
    }

    private static long minute(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    /** One user's minutes and the running total of the period asked for last. */
    private static final class UserUsage {
        private final NavigableMap<Long, UsageTotals> minutes = new TreeMap<>();
        private long periodStart = Long.MIN_VALUE;
        private UsageTotals periodTotal;

        synchronized void record(UsageRecord record, Duration retention) {
            long minute = minute(record.timestamp());
            minutes.merge(minute, UsageTotals.NONE.plus(record), UsageTotals::plus);
            minutes.headMap(minute(record.timestamp().minus(retention))).clear();
            if (periodTotal != null && minute >= periodStart) {
                periodTotal = periodTotal.plus(record);
            }
        }

        synchronized UsageTotals since(long startMinute) {
            if (periodTotal == null || startMinute != periodStart) {
                UsageTotals total = UsageTotals.NONE;
                for (UsageTotals t : minutes.tailMap(startMinute, true).values()) {
                    total = total.plus(t);
                }
                periodStart = startMinute;
                periodTotal = total;
            }
            return periodTotal;
        }
    }
}
