package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import java.util.Objects;

/**
 * The chat pipeline's retry step: runs the rest of the pipeline (pacing, metering, the transport) under a
 * {@link Retrier}. It gives each call one {@link Deadline} — the request's {@code timeout}, else the policy's —
 * and attaches it as a request tag so pacing and the transport never wait past it; an earlier deadline already
 * on the request wins. A {@link MaxRetryWait} tag limits the server waits it honours. Thread-safe.
 */
public final class RetryInterceptor implements ChatInterceptor {

    private final Retrier retrier;

    /**
     * @param policy the retry policy, e.g. {@link RetryPolicy#defaults()}
     */
    public RetryInterceptor(RetryPolicy policy) {
        this(new Retrier(policy));
    }

    /**
     * @param retrier runs the attempts
     */
    public RetryInterceptor(Retrier retrier) {
        this.retrier = Objects.requireNonNull(retrier, "retrier");
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        Deadline deadline = retrier.deadline(request.timeout().orElse(null))
                .earlier(request.tag(Deadline.class).orElse(null));
        ChatRequest bounded = request.toBuilder().tag(Deadline.class, deadline).build();
        String operation = "chat completion on deployment '" + request.deployment().orElse("(default)") + "'";
        RetryContext context = new RetryContext(operation, deadline,
                request.tag(MaxRetryWait.class).map(MaxRetryWait::value).orElse(null));
        return retrier.call(() -> chain.proceed(bounded), context);
    }
}
