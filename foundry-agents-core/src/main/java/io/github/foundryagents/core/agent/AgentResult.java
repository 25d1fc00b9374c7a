package io.github.foundryagents.core.agent;

import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.TokenUsage;
import java.util.List;
import java.util.Objects;

/**
 * What an agent run produced.
 *
 * @param answer the model's final text, empty when it ended without text
 * @param transcript every message of the run in order: system, user, each assistant turn, each tool result
 * @param usage the tokens of all turns, summed
 * @param iterations the number of turns (chat calls) made
 * @param deployments the deployments that answered, distinct, in order of first use
 */
public record AgentResult(String answer, List<ChatMessage> transcript, TokenUsage usage, int iterations,
        List<String> deployments) {

    /**
     * Validates and copies the components.
     *
     * @param answer the model's final text, empty when it ended without text
     * @param transcript every message of the run in order: system, user, each assistant turn, each tool result
     * @param usage the tokens of all turns, summed
     * @param iterations the number of turns (chat calls) made
     * @param deployments the deployments that answered, distinct, in order of first use
     */
    public AgentResult {
        Objects.requireNonNull(answer, "answer");
        transcript = List.copyOf(transcript);
        Objects.requireNonNull(usage, "usage");
        deployments = List.copyOf(deployments);
    }
}
