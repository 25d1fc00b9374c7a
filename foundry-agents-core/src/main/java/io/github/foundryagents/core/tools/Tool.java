package io.github.foundryagents.core.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a tool the model may call. The method's parameters become the properties of the arguments
 * object (describe them with {@link ToolParam}); its return value goes back to the model as the tool's result:
 * a {@code String} as is, anything else as JSON.
 *
 * <pre>{@code
 * class OrderTools {
 *     @Tool(name = "search_database", description = "Search the database for relevant records")
 *     List<Order> search(@ToolParam(description = "Search query") String query,
 *                        @ToolParam(description = "Maximum results", required = false) Integer limit) { ... }
 * }
 * ToolRegistry tools = ToolRegistry.of(new OrderTools());
 * }</pre>
 *
 * <p>The method may be an instance or static method of any visibility and may throw any exception; the exception is
 * reported to the model as the tool's result so it can correct itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /**
     * @return the function name the model calls, matching {@code ^[a-zA-Z0-9_-]{1,64}$}; empty (the default) uses
     *     the method's name
     */
    String name() default "";

    /** @return what the tool does and when to use it; the model reads this to decide whether to call it */
    String description();
}
