package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.chat.ToolDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent is made of, independent of the service generation that hosts it.
 *
 * @param name the agent's name
 * @param instructions its system instructions, may be {@code null}
 * @param deployment the model deployment it runs on
 * @param temperature sampling temperature 0..2, or {@code null} for the service default
 * @param bing the Bing grounding tool, or {@code null} for none
 * @param functionTools function tools the agent may call
 */
public record AgentSpec(String name, String instructions, String deployment, Double temperature, BingGrounding bing,
        List<ToolDefinition> functionTools) {

    /**
     * Validates the components and copies the list.
     *
     * @param name the agent's name
     * @param instructions its system instructions, may be {@code null}
     * @param deployment the model deployment it runs on
     * @param temperature sampling temperature 0..2, or {@code null} for the service default
     * @param bing the Bing grounding tool, or {@code null} for none
     * @param functionTools function tools the agent may call
     */
    public AgentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deployment, "deployment");
        functionTools = List.copyOf(functionTools);
    }

    /** @return the Bing tool, when configured */
    public Optional<BingGrounding> bingTool() {
        return Optional.ofNullable(bing);
    }
}
