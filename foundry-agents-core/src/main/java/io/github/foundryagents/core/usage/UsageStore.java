package io.github.foundryagents.core.usage;

import java.time.Instant;

/**
 * Where per-user usage is kept for quotas and reports. The default is {@link InMemoryUsageStore} (one process,
 * lost on restart); Redis and JDBC stores share usage across instances. Implementations must be thread-safe.
 */
public interface UsageStore {

    /**
     * Adds one successful call. Records without a user id may be ignored by stores that only serve quotas.
     *
     * @param record the call's usage
     */
    void record(UsageRecord record);

    /**
     * @param userId the user
     * @param since start of the period, inclusive
     * @return the user's usage from {@code since} until now
     */
    UsageTotals totalSince(String userId, Instant since);
}
