package io.github.foundryagents.core.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The default {@link UsageStore}: per user, usage summed into one-minute buckets, kept for a retention period.
 * Memory grows with users × active minutes, not with calls. Totals have one-minute resolution: a period counts
 * from the start of the minute holding its first instant (a month starts on a whole minute in every time zone,
 * so monthly totals are exact). Records without a user id are not kept. Usage lives only as long as the process:
 * use a shared store when several instances enforce one quota. Thread-safe.
 */
public final class InMemoryUsageStore implements UsageStore {

    /** Default retention: 93 days, enough for this and the two previous months. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(93);

    private final Duration retention;
    private final Map<String, ConcurrentNavigableMap<Long, UsageTotals>> byUser = new ConcurrentHashMap<>();

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
        if (record.userId() == null) {
            return;
        }
        ConcurrentNavigableMap<Long, UsageTotals> minutes =
                byUser.computeIfAbsent(record.userId(), u -> new ConcurrentSkipListMap<>());
        minutes.merge(minute(record.timestamp()), UsageTotals.NONE.plus(record), UsageTotals::plus);
        minutes.headMap(minute(record.timestamp().minus(retention))).clear();
    }

    @Override
    public UsageTotals totalSince(String userId, Instant since) {
        ConcurrentNavigableMap<Long, UsageTotals> minutes = byUser.get(Objects.requireNonNull(userId, "userId"));
        if (minutes == null) {
            return UsageTotals.NONE;
        }
        UsageTotals total = UsageTotals.NONE;
        for (UsageTotals t : minutes.tailMap(minute(since), true).values()) {
            total = total.plus(t);
        }
        return total;
    }

    private static long minute(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }
}
