package io.github.foundryagents.core.chat;

import java.util.Objects;

/**
 * A function call the model asked for.
 *
 * @param id the call id the tool's answer must quote ({@code tool_call_id})
 * @param name the function name
 * @param arguments the arguments exactly as the model wrote them: JSON text, possibly malformed
 */
public record ToolCall(String id, String name, String arguments) {

    /**
     * Validates the components.
     *
     * @param id the call id the tool's answer must quote ({@code tool_call_id})
     * @param name the function name
     * @param arguments the arguments exactly as the model wrote them: JSON text, possibly malformed
     */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
    }
}
