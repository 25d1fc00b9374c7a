package io.github.foundryagents.core.usage;

import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One successful call's usage, as a {@link UsageStore} keeps it.
 *
 * @param timestamp when the call finished
 * @param userId who made it, or {@code null} when the request named no user
 * @param operation what kind of call, e.g. {@code chat} (the OpenTelemetry operation name)
 * @param deployment the deployment called
 * @param model the model that answered, as Azure reports it, or {@code null} when unknown
 * @param tokens prompt, completion and total tokens
 * @param cost what it cost at list price, or {@code null} when the model is not in the cost table
 */
public record UsageRecord(Instant timestamp, String userId, String operation, String deployment, String model,
        TokenUsage tokens, Cost cost) {

    /**
     * Validates the components.
     *
     * @param timestamp when the call finished
     * @param userId who made it, or {@code null} when the request named no user
     * @param operation what kind of call, e.g. {@code chat} (the OpenTelemetry operation name)
     * @param deployment the deployment called
     * @param model the model that answered, as Azure reports it, or {@code null} when unknown
     * @param tokens prompt, completion and total tokens
     * @param cost what it cost at list price, or {@code null} when the model is not in the cost table
     */
    public UsageRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(tokens, "tokens");
    }

    /** @return the user, when the request named one */
    public Optional<String> user() {
        return Optional.ofNullable(userId);
    }

    /** @return the cost, when the model is priced */
    public Optional<Cost> priced() {
        return Optional.ofNullable(cost);
    }
}
