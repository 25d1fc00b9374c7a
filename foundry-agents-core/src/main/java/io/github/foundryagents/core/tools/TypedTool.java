package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A tool made from a lambda whose arguments bind to a record or class ({@link ToolFunction#of}). Thread-safe when
 * the handler is.
 *
 * @param <A> the arguments type
 */
final class TypedTool<A> extends JavaTool {

    private final JavaType argumentsType;
    private final ToolHandler<? super A> handler;

    TypedTool(String name, String description, Class<A> argumentsType, ToolHandler<? super A> handler) {
        super(name, description, source(name, argumentsType), properties(name, argumentsType));
        this.argumentsType = ToolJson.type(argumentsType);
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    @SuppressWarnings("unchecked")
    Object invoke(ObjectNode arguments) throws Exception {
        return handler.handle((A) ToolJson.bind(name(), "", arguments, argumentsType));
    }

    private static List<ToolProperty> properties(String name, Class<?> argumentsType) {
        if (!JsonSchemaGenerator.isBean(argumentsType)) {
            throw new ToolRegistrationException("Cannot register " + source(name, argumentsType) + ": the arguments"
                    + " type must be a record or class with properties (the arguments are always a JSON object), got "
                    + argumentsType.getName() + "; wrap it in a record");
        }
        return JsonSchemaGenerator.properties(ToolJson.type(argumentsType));
    }

    private static String source(String name, Class<?> argumentsType) {
        return "ToolFunction.of(\"" + name + "\", " + Objects.requireNonNull(argumentsType, "argumentsType")
                .getSimpleName() + ")";
    }
}
