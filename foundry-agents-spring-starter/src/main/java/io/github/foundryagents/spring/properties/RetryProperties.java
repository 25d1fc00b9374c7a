package io.github.foundryagents.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.retry.*}: how failed chat calls are retried. A wait the server asks for
 * ({@code retry-after-ms}, {@code x-ms-retry-after-ms}, {@code retry-after}) replaces the backoff.
 *
 * @param maxRetries retries after the first attempt; 0 turns retries off
 * @param baseDelay backoff before the first retry, doubling per retry, with full jitter
 * @param maxDelay the longest backoff between two attempts
 * @param timeout the most one call may take, retries and waits included
 */
public record RetryProperties(
        @DefaultValue("5") int maxRetries,
        @DefaultValue("1s") Duration baseDelay,
        @DefaultValue("60s") Duration maxDelay,
        @DefaultValue("5m") Duration timeout) {
}
