package io.github.foundryagents.core.usage;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import java.time.Instant;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The pipeline's outermost built-in step: refuses a call whose user has spent the monthly token budget, before
 * anything is routed, cached or sent, with {@link UsageLimitExceededException} (used, limit, reset time). Usage
 * is read from the {@link UsageStore} the {@link MeteringInterceptor} writes; months follow the configured time
 * zone. Calls without a user id are not limited.
 *
 * <p>The check happens before the call, as in the guidance: concurrent calls of one user can each pass it and
 * together overshoot the limit by what they use. Thread-safe.
 */
public final class QuotaInterceptor implements ChatInterceptor {

    private final UsageStore store;
    private final ToLongFunction<String> limits;
    private final MonthlyPeriod months;
    private final UsageOptions options;

    /**
     * @param options the store, the monthly limit, its time zone and the clock
     * @throws IllegalArgumentException when the options set no monthly limit
     */
    public QuotaInterceptor(UsageOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.store = options.store();
        this.limits = options.monthlyTokenLimit().orElseThrow(() -> new IllegalArgumentException(
                "a quota step needs UsageOptions.monthlyTokenLimit"));
        this.months = new MonthlyPeriod(options.quotaZone());
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        if (request.userId().isPresent()) {
            check(request.userId().get());
        }
        return chain.proceed(request);
    }

    private void check(String userId) {
        long limit = limits.applyAsLong(userId);
        if (limit == UsageOptions.UNLIMITED) {
            return;
        }
        Instant now = options.clock().instant();
        long used = store.totalSince(userId, months.start(now)).tokens().totalTokens();
        if (used >= limit) {
            throw new UsageLimitExceededException(userId, used, limit, months.resetsAt(now));
        }
    }
}
