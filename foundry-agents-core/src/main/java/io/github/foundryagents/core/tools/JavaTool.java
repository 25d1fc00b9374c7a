package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.ToolDefinition;
import java.util.List;
import java.util.Objects;

/**
 * What tools made from Java code share: a checked name, the description, the argument properties, the schema in
 * both modes (generated once), and the call sequence: parse and check the arguments, invoke, turn the result into
 * content, report a throwing tool as {@link ToolExecutionException}. Immutable and thread-safe.
 */
abstract class JavaTool implements ToolFunction {

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
    JavaTool(String name, String description, String source, List<ToolProperty> properties) {
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

    /**
     * @param arguments the parsed arguments, checked for required and unknown properties
     * @return what the tool returned
     * @throws ToolArgumentsException when an argument does not bind
     * @throws Exception what the tool threw
     */
    abstract Object invoke(ObjectNode arguments) throws Exception;

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ToolDefinition definition(boolean strict) {
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

    @Override
    public final String call(String arguments) {
        ObjectNode parsed = ToolJson.parseArguments(name, arguments);
        ArgumentValidator.validate(name, schema, parsed);
        Object result;
        try {
            result = invoke(parsed);
        } catch (ToolArgumentsException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolExecutionException.thrownBy(name, e);
        } catch (Exception e) {
            throw ToolExecutionException.thrownBy(name, e);
        }
        return ToolJson.content(name, result);
    }

    @Override
    public final String toString() {
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
