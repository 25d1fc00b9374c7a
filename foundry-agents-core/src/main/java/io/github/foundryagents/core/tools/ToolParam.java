package io.github.foundryagents.core.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one argument of a tool: a parameter of a {@link Tool} method, or a component (field) of an argument
 * record or class, at any depth.
 *
 * <pre>{@code
 * record SearchArgs(@ToolParam(description = "Search query") String query,
 *                   @ToolParam(description = "Maximum results", required = false) Integer limit) { }
 * }</pre>
 *
 * <p>Without the annotation an argument is required and undescribed. A property of type {@code Optional<T>} is
 * never required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ToolParam {

    /** @return what the argument means, read by the model; empty for none */
    String description() default "";

    /** @return whether the model must supply it; default {@code true} */
    boolean required() default true;

    /**
     * @return the argument's name for a method parameter; empty (the default) uses the parameter's name, which
     *     needs the {@code -parameters} compiler flag. Ignored on fields: use Jackson's {@code @JsonProperty}
     */
    String name() default "";
}
