package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.resilience.Retrier;
import io.github.foundryagents.core.resilience.RetryClassifier;
import io.github.foundryagents.core.resilience.RetryContext;
import io.github.foundryagents.core.resilience.RetryPolicy;
import java.util.function.Supplier;

/**
 * Retries a whole ask (a new conversation each time) after a retryable failure such as an
 * {@link AgentRunFailedException} with {@code rate_limit_exceeded}. The seam through which the library's retry
 * policy is applied to grounded agents; {@link #none()} (the default) makes one attempt.
 *
 * <p>Implementations decide from {@link io.github.foundryagents.core.FoundryException#isRetryable()} and must be
 * thread-safe.
 */
public interface AskRetry {

    /**
     * @param attempt one complete ask; may be called several times
     * @param <T> the answer type
     * @return the first successful attempt's answer
     */
    <T> T call(Supplier<T> attempt);

    /** @return a policy that makes exactly one attempt */
    static AskRetry none() {
        return new AskRetry() {
            @Override
            public <T> T call(Supplier<T> attempt) {
                return attempt.get();
            }

            @Override
            public String toString() {
                return "AskRetry.none()";
            }
        };
    }

    /**
     * Retries whole asks with the library's retry policy: backoff with full jitter, server hints, the policy's
     * timeout, one WARN line per retry. Retries what the policy's classifier retries (429, 5xx, connection
     * failures) and runs that failed with a retryable {@code last_error} ({@code rate_limit_exceeded},
     * {@code server_error}).
     *
     * @param policy the retry policy, e.g. the client's
     * @return the retry
     */
    static AskRetry policy(RetryPolicy policy) {
        RetryClassifier base = policy.classifier();
        Retrier retrier = new Retrier(policy.toBuilder()
                .classifier(failure -> base.isRetryable(failure)
                        || failure instanceof AgentRunException && failure.isRetryable())
                .build());
        return new AskRetry() {
            @Override
            public <T> T call(Supplier<T> attempt) {
                return retrier.call(attempt, RetryContext.of("grounded ask", retrier.deadline(null)));
            }

            @Override
            public String toString() {
                return "AskRetry.policy(" + policy + ")";
            }
        };
    }
}
