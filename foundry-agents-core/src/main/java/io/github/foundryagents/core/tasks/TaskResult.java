package io.github.foundryagents.core.tasks;

import io.github.foundryagents.core.chat.TokenUsage;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TaskRunner} produced.
 *
 * @param text the agent's final answer
 * @param usage tokens used across every model call of the run
 * @param deployments deployments that answered, in call order
 */
public record TaskResult(String text, TokenUsage usage, List<String> deployments) {

    /**
     * Validates and copies.
     *
     * @param text the agent's final answer
     * @param usage tokens used across every model call of the run
     * @param deployments deployments that answered, in call order
     */
    public TaskResult {
        Objects.requireNonNull(text, "text");
        usage = usage == null ? TokenUsage.ZERO : usage;
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }
}
