package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.databind.JavaType;
import java.util.Optional;

/**
 * One property of an arguments object: a tool method's parameter or a field of an argument record.
 *
 * @param name the JSON property name
 * @param type its Java type, {@code Optional} already unwrapped
 * @param description what it means, empty for none
 * @param required whether the model must supply it
 */
record ToolProperty(String name, JavaType type, String description, boolean required) {

    /**
     * @param name the JSON property name
     * @param declared the declared type; {@code Optional<T>} becomes an optional {@code T}
     * @param annotation its {@link ToolParam}, may be {@code null}
     * @return the property
     */
    static ToolProperty of(String name, JavaType declared, ToolParam annotation) {
        boolean optional = declared.getRawClass() == Optional.class;
        JavaType type = optional ? declared.containedTypeOrUnknown(0) : declared;
        String description = annotation == null ? "" : annotation.description();
        boolean required = !optional && (annotation == null || annotation.required());
        return new ToolProperty(name, type, description, required);
    }
}
