package io.github.foundryagents.core.tools;

/**
 * The body of a tool made from a lambda: receives the bound arguments, returns the result (a {@code String} as
 * is, anything else as JSON). May throw; the exception is reported to the model.
 *
 * @param <A> the arguments type, a record or class
 */
@FunctionalInterface
public interface ToolHandler<A> {

    /**
     * @param arguments the model's arguments, bound and checked against the schema
     * @return the result for the model
     * @throws Exception any failure; the model hears about it as the tool's result
     */
    Object handle(A arguments) throws Exception;
}
