package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.databind.JavaType;
import io.github.foundryagents.core.chat.ToolDefinition;
import java.util.Objects;

/**
 * A tool made from a lambda whose arguments bind to a record or class ({@link ToolFunction#of}). Thread-safe when
 * the handler is.
 *
 * @param <A> the arguments type
 */
final class TypedTool<A> implements ToolFunction {

    private final ToolSignature signature;
    private final JavaType argumentsType;
    private final ToolHandler<? super A> handler;

    TypedTool(String name, String description, Class<A> argumentsType, ToolHandler<? super A> handler) {
        Objects.requireNonNull(argumentsType, "argumentsType");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.argumentsType = ToolJson.type(argumentsType);
        String source = "ToolFunction.of(\"" + name + "\", " + argumentsType.getSimpleName() + ")";
        if (!JsonSchemaGenerator.isBean(argumentsType)) {
            throw new ToolRegistrationException("Cannot register " + source + ": the arguments type must be a record"
                    + " or class with properties (the arguments are always a JSON object), got "
                    + argumentsType.getName() + "; wrap it in a record");
        }
        this.signature = new ToolSignature(name, description, source,
                JsonSchemaGenerator.properties(this.argumentsType));
    }

    @Override
    public String name() {
        return signature.name();
    }

    @Override
    public ToolDefinition definition(boolean strict) {
        return signature.definition(strict);
    }

    @Override
    @SuppressWarnings("unchecked")
    public String call(String arguments) {
        A bound = (A) ToolJson.bind(name(), "", signature.parse(arguments), argumentsType);
        Object result;
        try {
            result = handler.handle(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolExecutionException.thrownBy(name(), e);
        } catch (Exception e) {
            throw ToolExecutionException.thrownBy(name(), e);
        }
        return ToolJson.content(name(), result);
    }

    @Override
    public String toString() {
        return signature.toString();
    }
}
