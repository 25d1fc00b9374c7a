package io.github.foundryagents.testkit;

import java.util.Objects;

/**
 * A tool call the fake model asks for.
 *
 * @param id the call id, or {@code null} to let the fake generate {@code call_<n>}
 * @param name the function name
 * @param arguments the arguments as JSON text, sent exactly as given (malformed JSON allowed, to test repair)
 */
public record ScriptedToolCall(String id, String name, String arguments) {

    /**
     * Validates the components.
     *
     * @param id the call id, or {@code null} to let the fake generate {@code call_<n>}
     * @param name the function name
     * @param arguments the arguments as JSON text, sent exactly as given (malformed JSON allowed, to test repair)
     */
    public ScriptedToolCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /**
     * @param name the function name
     * @param arguments the arguments as JSON text
     * @return a call with a generated id
     */
    public static ScriptedToolCall of(String name, String arguments) {
        return new ScriptedToolCall(null, name, arguments);
    }
}
