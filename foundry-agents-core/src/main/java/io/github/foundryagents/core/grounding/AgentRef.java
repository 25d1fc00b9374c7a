package io.github.foundryagents.core.grounding;

import java.util.Objects;

/**
 * An agent as the service knows it.
 *
 * @param id the agent id ({@code asst_...} on the classic service; the name on the Responses API)
 * @param name the agent's name
 * @param version its version on the Responses API ({@code "1"}, {@code "2"}, ...), or {@code null} on the classic
 *     service
 */
public record AgentRef(String id, String name, String version) {

    /**
     * Validates the components.
     *
     * @param id the agent id ({@code asst_...} on the classic service; the name on the Responses API)
     * @param name the agent's name
     * @param version its version on the Responses API ({@code "1"}, {@code "2"}, ...), or {@code null} on the classic
     *         service
     */
    public AgentRef {
        Objects.requireNonNull(id, "id");
    }
}
