package io.github.foundryagents.core.usage;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import java.util.Objects;

/**
 * The pipeline's outermost built-in step: refuses a call whose user has spent the monthly token budget, before
 * anything is routed, cached or sent, with {@link UsageLimitExceededException} (used, limit, reset time). The
 * check is {@link UsageMeter#checkMonthlyLimit(String)}, the same one grounded agents apply; usage comes from the
 * store the {@link MeteringInterceptor} writes. Calls without a user id are not limited. Thread-safe.
 */
public final class QuotaInterceptor implements ChatInterceptor {

    private final UsageMeter meter;

    /**
     * @param meter the meter whose options set the monthly limit
     * @throws IllegalArgumentException when the meter's options set no monthly limit
     */
    public QuotaInterceptor(UsageMeter meter) {
        this.meter = Objects.requireNonNull(meter, "meter");
        if (meter.options().monthlyTokenLimit().isEmpty()) {
            throw new IllegalArgumentException("a quota step needs UsageOptions.monthlyTokenLimit");
        }
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        meter.checkMonthlyLimit(request.userId().orElse(null));
        return chain.proceed(request);
    }
}
