package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
final class MethodTool extends JavaTool {

    private final Object target;
    private final Method method;
    private final List<ToolProperty> parameters;

    MethodTool(Object target, Method method) {
        this(target, method, properties(accessible(method)));
    }

    private MethodTool(Object target, Method method, List<ToolProperty> parameters) {
        super(toolName(method), method.getAnnotation(Tool.class).description(), source(method), parameters);
        this.target = Modifier.isStatic(method.getModifiers()) ? null : target;
        this.method = method;
        this.parameters = parameters;
    }

    @Override
    Object invoke(ObjectNode arguments) throws Exception {
        Object[] values = new Object[parameters.size()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < values.length; i++) {
            values[i] = bind(parameters.get(i), types[i], arguments.get(parameters.get(i).name()));
        }
        try {
            return method.invoke(target, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            throw (Error) e.getCause();
        }
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

    private static Method accessible(Method method) {
        if (!method.trySetAccessible()) {
            throw new ToolRegistrationException("Cannot register " + source(method) + ": the method is not"
                    + " accessible; make it public or open its package to io.github.foundryagents.core");
        }
        return method;
    }

    private static List<ToolProperty> properties(Method method) {
        List<ToolProperty> out = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            ToolParam param = p.getAnnotation(ToolParam.class);
            String name = param != null && !param.name().isEmpty() ? param.name() : null;
            if (name == null && !p.isNamePresent()) {
                throw new ToolRegistrationException("Cannot register " + source(method) + ": parameter names were"
                        + " not compiled in; compile with -parameters or name each one with @ToolParam(name = ...)");
            }
            out.add(ToolProperty.of(name != null ? name : p.getName(), ToolJson.type(p.getParameterizedType()),
                    param));
        }
        return out;
    }

    private static String toolName(Method method) {
        String name = method.getAnnotation(Tool.class).name();
        return name.isEmpty() ? method.getName() : name;
    }

    private static String source(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ")) + ")";
    }
}
