package io.github.foundryagents.core.usage;

import java.time.Instant;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The monthly token budget of each user: how much a user has used this calendar month (in the quota time zone)
 * against the limit the {@link UsageOptions} set. The {@link QuotaInterceptor} asks it before every call; a task
 * API asks it before accepting work, so a user over the limit is refused before anything is queued. Thread-safe.
 */
public final class MonthlyQuota {

    private final UsageOptions options;
    private final ToLongFunction<String> limits;
    private final MonthlyPeriod months;

    /**
     * @param options the store, the monthly limit, its time zone and the clock
     * @throws IllegalArgumentException when the options set no monthly limit
     */
    public MonthlyQuota(UsageOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.limits = options.monthlyTokenLimit().orElseThrow(() -> new IllegalArgumentException(
                "a monthly quota needs UsageOptions.monthlyTokenLimit"));
        this.months = new MonthlyPeriod(options.quotaZone());
    }

    /**
     * Refuses a user whose budget is spent.
     *
     * @param userId the user
     * @throws UsageLimitExceededException when the user has used the month's limit or more
     */
    public void check(String userId) {
        long limit = limits.applyAsLong(Objects.requireNonNull(userId, "userId"));
        if (limit == UsageOptions.UNLIMITED) {
            return;
        }
        Instant now = options.clock().instant();
        long used = options.store().totalSince(userId, months.start(now)).tokens().totalTokens();
        if (used >= limit) {
            throw new UsageLimitExceededException(userId, used, limit, months.resetsAt(now));
        }
    }
}
