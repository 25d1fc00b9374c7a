package io.github.foundryagents.spring.properties;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.pacing.*}: client-side pacing inside each deployment's tokens-per-minute and
 * requests-per-minute budgets. Budgets not configured are learned from Azure's x-ratelimit-* headers.
 *
 * @param enabled pace calls at all (retries still honour 429 hints when off)
 * @param tokensPerMinute a deployment's TPM budget (its Terraform capacity x 1,000) by deployment name or alias,
 *     e.g. gpt4: 150000
 * @param requestsPerMinute a deployment's RPM budget by deployment name or alias; default 6 per 1,000 of its TPM
 * @param window Azure's token window; change it only for a test server with a scaled-down minute
 * @param reserveWithoutMaxTokens tokens reserved for the answer of a request without max_tokens until its usage is
 *     known
 */
public record PacingProperties(
        @DefaultValue("true") boolean enabled,
        Map<String, Long> tokensPerMinute,
        Map<String, Long> requestsPerMinute,
        @DefaultValue("1m") Duration window,
        @DefaultValue("4096") int reserveWithoutMaxTokens) {

    /**
     * Copies the budgets.
     *
     * @param enabled pace calls at all (retries still honour 429 hints when off)
     * @param tokensPerMinute a deployment's TPM budget (its Terraform capacity x 1,000) by deployment name or alias,
     *         e.g. gpt4: 150000
     * @param requestsPerMinute a deployment's RPM budget by deployment name or alias; default 6 per 1,000 of its TPM
     * @param window Azure's token window; change it only for a test server with a scaled-down minute
     * @param reserveWithoutMaxTokens tokens reserved for the answer of a request without max_tokens until its usage is
     *         known
     */
    public PacingProperties {
        tokensPerMinute = tokensPerMinute == null ? Map.of() : Map.copyOf(tokensPerMinute);
        requestsPerMinute = requestsPerMinute == null ? Map.of() : Map.copyOf(requestsPerMinute);
    }
}
