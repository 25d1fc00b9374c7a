package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.ToolDefinition;
import java.util.List;
import java.util.Objects;

/**
 * What tools made from Java code share: a checked name, the description, the argument properties, and the schema
 * in both modes, generated once. Immutable and thread-safe.
 */
final class ToolSignature {

    private final String name;
    private final String description;
    private final String source;
    private final List<ToolProperty> properties;
    private final ObjectNode schema;
    private volatile ObjectNode strictSchema;

    /**
     * @param name the function name
     * @param description what the tool does
     * @param source where the tool comes from, for error messages
     * @param properties the arguments object's properties
     * @throws ToolRegistrationException when the name is refused or a type has no schema
     */
    ToolSignature(String name, String description, String source, List<ToolProperty> properties) {
        this.source = source;
        try {
            this.name = ToolDefinition.requireValidName(name);
        } catch (IllegalArgumentException e) {
            throw new ToolRegistrationException("Cannot register " + source + ": " + e.getMessage(), e);
        }
        this.description = Objects.requireNonNull(description, "description");
        this.properties = List.copyOf(properties);
        this.schema = generate(false);
    }

    String name() {
        return name;
    }

    ToolDefinition definition(boolean strict) {
        if (!strict) {
            return new ToolDefinition(name, description, schema, false);
        }
        ObjectNode s = strictSchema;
        if (s == null) {
            s = generate(true);
            strictSchema = s;
        }
        return new ToolDefinition(name, description, s, true);
    }

    /**
     * @param arguments the model's JSON text
     * @return the parsed arguments, checked for required and unknown properties
     * @throws ToolArgumentsException otherwise
     */
    ObjectNode parse(String arguments) {
        ObjectNode parsed = ToolJson.parseArguments(name, arguments);
        ArgumentValidator.validate(name, schema, parsed);
        return parsed;
    }

    @Override
    public String toString() {
        return source;
    }

    private ObjectNode generate(boolean strict) {
        try {
            return JsonSchemaGenerator.objectSchema(properties, strict);
        } catch (IllegalArgumentException e) {
            throw new ToolRegistrationException("Cannot register tool '" + name + "' (" + source + ")"
                    + (strict ? " in strict mode" : "") + ": " + e.getMessage(), e);
        }
    }
}
