package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.ToolDefinition;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A tool made from a {@link Tool}-annotated method: each parameter is a property of the arguments object.
 * Thread-safe when the method is.
 */
final class MethodTool implements ToolFunction {

    private final Object target;
    private final Method method;
    private final List<ToolProperty> parameters;
    private final ToolSignature signature;

    MethodTool(Object target, Method method) {
        Tool tool = method.getAnnotation(Tool.class);
        String source = source(method);
        if (!method.trySetAccessible()) {
            throw new ToolRegistrationException("Cannot register " + source + ": the method is not accessible;"
                    + " make it public or open its package to io.github.foundryagents.core");
        }
        this.target = Modifier.isStatic(method.getModifiers()) ? null : target;
        this.method = method;
        this.parameters = properties(method, source);
        this.signature = new ToolSignature(tool.name().isEmpty() ? method.getName() : tool.name(),
                tool.description(), source, parameters);
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
    public String call(String arguments) {
        ObjectNode parsed = signature.parse(arguments);
        Object[] values = new Object[parameters.size()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < values.length; i++) {
            values[i] = bind(parameters.get(i), types[i], parsed.get(parameters.get(i).name()));
        }
        Object result;
        try {
            result = method.invoke(target, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw ToolExecutionException.thrownBy(name(), e.getCause());
        } catch (IllegalAccessException e) {
            throw ToolExecutionException.thrownBy(name(), e);
        }
        return ToolJson.content(name(), result);
    }

    @Override
    public String toString() {
        return signature.toString();
    }

    private Object bind(ToolProperty p, Class<?> declared, JsonNode value) {
        boolean optional = declared == Optional.class;
        if (value == null || value.isNull()) {
            return optional ? Optional.empty() : defaultValue(declared);
        }
        Object bound = ToolJson.bind(name(), p.name(), value, p.type());
        return optional ? Optional.ofNullable(bound) : bound;
    }

    private static Object defaultValue(Class<?> type) {
        // the element of a fresh primitive array is that type's default (0, false, '\0')
        return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }

    private static List<ToolProperty> properties(Method method, String source) {
        List<ToolProperty> out = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            ToolParam param = p.getAnnotation(ToolParam.class);
            String name = param != null && !param.name().isEmpty() ? param.name() : null;
            if (name == null && !p.isNamePresent()) {
                throw new ToolRegistrationException("Cannot register " + source + ": parameter names were not"
                        + " compiled in; compile with -parameters or name each one with @ToolParam(name = ...)");
            }
            JavaType type = ToolJson.type(p.getParameterizedType());
            out.add(ToolProperty.of(name != null ? name : p.getName(), type, param));
        }
        return out;
    }

    private static String source(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ")) + ")";
    }
}
