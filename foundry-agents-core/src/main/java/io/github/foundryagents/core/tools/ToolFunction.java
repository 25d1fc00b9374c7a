package io.github.foundryagents.core.tools;

import io.github.foundryagents.core.chat.ToolDefinition;

/**
 * A tool the model can call: its definition (name, description, JSON schema) and the code that runs it. Made from
 * {@link Tool}-annotated methods ({@link ToolRegistry#of(Object...)}) or from a lambda with a typed argument record
 * ({@link #of}); implement it directly for tools whose schema is built at run time.
 *
 * <pre>{@code
 * record SearchArgs(@ToolParam(description = "Search query") String query,
 *                   @ToolParam(description = "Maximum results", required = false) Integer limit) { }
 *
 * ToolFunction search = ToolFunction.of("search_database", "Search the database for relevant records",
 *         SearchArgs.class, args -> database.search(args.query(), args.limit() == null ? 10 : args.limit()));
 * }</pre>
 *
 * <p>Implementations must be thread-safe: the agent runs several calls at once.
 */
public interface ToolFunction {

    /** @return the function name the model calls, matching {@code ^[a-zA-Z0-9_-]{1,64}$} */
    String name();

    /**
     * @param strict whether Azure should enforce the schema exactly (all properties required, optional ones
     *     nullable, no maps)
     * @return the definition sent in the chat request's {@code tools}
     * @throws ToolRegistrationException when the tool's types cannot be expressed in that mode
     */
    ToolDefinition definition(boolean strict);

    /**
     * Runs the tool.
     *
     * @param arguments the arguments exactly as the model wrote them (JSON text, possibly malformed)
     * @return the result for the model's tool message
     * @throws ToolArgumentsException when the arguments are malformed or do not bind
     * @throws ToolExecutionException when the tool itself fails
     */
    String call(String arguments);

    /**
     * Makes a tool from a lambda whose arguments bind to a record or class.
     *
     * @param name the function name, matching {@code ^[a-zA-Z0-9_-]{1,64}$}
     * @param description what it does and when to use it
     * @param argumentsType the record or class the arguments object binds to; describe its components with
     *     {@link ToolParam}
     * @param handler the tool's body
     * @param <A> the arguments type
     * @return the tool
     * @throws ToolRegistrationException when the name is refused or the type has no JSON schema
     */
    static <A> ToolFunction of(String name, String description, Class<A> argumentsType,
            ToolHandler<? super A> handler) {
        return new TypedTool<>(name, description, argumentsType, handler);
    }
}
