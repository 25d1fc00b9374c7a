package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import java.util.Objects;

/**
 * The chat pipeline's pacing step, inside the retry step so every attempt is paced: waits for room in the
 * deployment's TPM/RPM budgets through a {@link QuotaPacer}, sends, then reports the outcome (usage and
 * rate-limit headers, or a 429's hint) so the pacer corrects its reservation and learns. Waits are bounded by the
 * request's {@link Deadline} tag, else its {@code timeout}. Thread-safe.
 */
public final class PacingInterceptor implements ChatInterceptor {

    private final QuotaPacer pacer;

    /**
     * @param pacer the pacer shared by every call of the client
     */
    public PacingInterceptor(QuotaPacer pacer) {
        this.pacer = Objects.requireNonNull(pacer, "pacer");
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        String deployment = request.deployment().orElseThrow(() -> new IllegalStateException(
                "pacing needs the deployment resolved; place it after the routing step"));
        Deadline deadline = request.tag(Deadline.class)
                .orElseGet(() -> request.timeout().map(Deadline::after).orElse(null));
        QuotaPacer.Permit permit = pacer.acquire(new QuotaPacer.Demand(deployment,
                TokenEstimate.promptTokens(request), request.maxTokens().orElse(null), request.priority()), deadline);
        try {
            permit.sending();
            ChatResponse response = chain.proceed(request);
            permit.succeeded(response.usage(), response.rateLimits());
            return response;
        } catch (RateLimitException e) {
            permit.rateLimited(e.retryAfter().orElse(null));
            throw e;
        } finally {
            permit.failed(); // no-op once an outcome was reported
        }
    }
}
