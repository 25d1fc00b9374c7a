package io.github.foundryagents.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A request tag (see {@link io.github.foundryagents.core.chat.ChatRequest#tag(Class)}): the longest wait a server
 * may ask for that the retry step will honour for this call. A longer {@code retry-after} makes the retry step fail
 * at once with {@link RetryAfterTooLongException}, so an outer step, such as the router's spill-over to another
 * deployment, can act instead of waiting.
 *
 * @param value the longest acceptable server-requested wait
 */
public record MaxRetryWait(Duration value) {

    /**
     * Validates the value.
     *
     * @param value the longest acceptable server-requested wait
     */
    public MaxRetryWait {
        Objects.requireNonNull(value, "value");
        if (value.isNegative()) {
            throw new IllegalArgumentException("the longest acceptable wait cannot be negative, got " + value);
        }
    }
}
