package io.github.foundryagents.core.usage;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.pipeline.ChatInterceptor;

/**
 * The pipeline's outermost built-in step: refuses a call whose user has spent the monthly token budget, before
 * anything is routed, cached or sent, with {@link UsageLimitExceededException} (used, limit, reset time), as
 * {@link MonthlyQuota} decides from the {@link UsageStore} the {@link MeteringInterceptor} writes. Calls without a
 * user id are not limited.
 *
 * <p>The check happens before the call, as in the guidance: concurrent calls of one user can each pass it and
 * together overshoot the limit by what they use. Thread-safe.
 */
public final class QuotaInterceptor implements ChatInterceptor {

    private final MonthlyQuota quota;

    /**
     * @param options the store, the monthly limit, its time zone and the clock
     * @throws IllegalArgumentException when the options set no monthly limit
     */
    public QuotaInterceptor(UsageOptions options) {
        this.quota = new MonthlyQuota(options);
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        request.userId().ifPresent(quota::check);
        return chain.proceed(request);
    }
}
