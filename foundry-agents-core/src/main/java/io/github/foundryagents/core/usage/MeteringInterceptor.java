package io.github.foundryagents.core.usage;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline's innermost built-in step: measures every attempt (so retries show in the duration histogram with
 * their error type) and records each answer's tokens and cost through the {@link UsageMeter}. Adds the cost to
 * the response when the model is priced. Cache hits never reach it: they used no tokens. Thread-safe.
 */
public final class MeteringInterceptor implements ChatInterceptor {

    private final UsageMeter meter;

    /**
     * @param meter where usage goes
     */
    public MeteringInterceptor(UsageMeter meter) {
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        String deployment = request.deployment().orElse(null);
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = chain.proceed(request);
        } catch (RuntimeException e) {
            meter.recordFailure(UsageMeter.CHAT, deployment, e, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
        Optional<Cost> cost = meter.recordSuccess(UsageMeter.CHAT, request.userId().orElse(null), deployment,
                response.model(), response.usage(), Duration.ofNanos(System.nanoTime() - start));
        return cost.isPresent() ? response.toBuilder().cost(cost.get()).build() : response;
    }
}
