package io.github.foundryagents.core.grounding;

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
}
