package io.github.foundryagents.core.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function the model may call: its name, description and JSON schema of its arguments, as sent in a chat
 * request's {@code tools}.
 *
 * @param name the function name; Azure accepts {@code ^[a-zA-Z0-9_-]{1,64}$}
 * @param description what it does and when to use it, read by the model
 * @param parameters the JSON schema of the arguments object
 * @param strict whether Azure should enforce the schema exactly (structured outputs)
 */
public record ToolDefinition(String name, String description, ObjectNode parameters, boolean strict) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /**
     * Validates the components.
     *
     * @param name the function name; Azure accepts {@code ^[a-zA-Z0-9_-]{1,64}$}
     * @param description what it does and when to use it, read by the model
     * @param parameters the JSON schema of the arguments object
     * @param strict whether Azure should enforce the schema exactly (structured outputs)
     */
    public ToolDefinition {
        Objects.requireNonNull(parameters, "parameters");
        requireValidName(name);
        parameters = parameters.deepCopy();
    }

    /**
     * Checks a function name against the pattern Azure accepts, so registries can refuse a bad name before any call.
     *
     * @param name a function name
     * @return the name
     * @throws IllegalArgumentException saying which characters are allowed, when Azure would refuse it
     */
    public static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' is not accepted by Azure: use 1 to 64"
                    + " letters, digits, '_' or '-' (^[a-zA-Z0-9_-]{1,64}$)");
        }
        return name;
    }

    /**
     * @return the schema as compact JSON ({@code parameters().toString()}), written from the record's own tree
     *     without copying it first
     */
    public String parametersJson() {
        return parameters.toString();
    }

    /** @return a copy of the schema; the record's own stays unchanged */
    @Override
    public ObjectNode parameters() {
        return parameters.deepCopy();
    }
}
