package io.github.foundryagents.core.tools;

import io.github.foundryagents.core.chat.ToolDefinition;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tools an agent offers the model, by name. Registration fails early and clearly: names Azure refuses
 * ({@code ^[a-zA-Z0-9_-]{1,64}$}), a name used twice, types without a JSON schema.
 *
 * <pre>{@code
 * ToolRegistry tools = ToolRegistry.builder()
 *         .toolsFrom(new OrderTools())                    // its @Tool methods
 *         .tool(ToolFunction.of("fetch_external_data", "Fetch data from external API",
 *                 FetchArgs.class, args -> api.get(args.endpoint(), args.params())))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the definitions are generated once, at {@link Builder#build()}.
 */
public final class ToolRegistry {

    private static final ToolRegistry EMPTY = builder().build();

    private final Map<String, ToolFunction> tools;
    private final List<ToolDefinition> definitions;
    private final boolean strict;

    private ToolRegistry(Map<String, ToolFunction> tools, List<ToolDefinition> definitions, boolean strict) {
        this.tools = tools;
        this.definitions = definitions;
        this.strict = strict;
    }

    /** @return a registry without tools */
    public static ToolRegistry empty() {
        return EMPTY;
    }

    /**
     * @param sources {@link ToolFunction}s, other registries, or objects with {@link Tool}-annotated methods
     * @return a non-strict registry of all their tools
     * @throws ToolRegistrationException when a tool cannot be registered
     */
    public static ToolRegistry of(Object... sources) {
        Builder b = builder();
        for (Object source : sources) {
            b.add(source);
        }
        return b.build();
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the definitions to send in a chat request, in registration order */
    public List<ToolDefinition> definitions() {
        return definitions;
    }

    /**
     * @param name a function name the model used
     * @return the tool of that name
     */
    public Optional<ToolFunction> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** @return the registered names, in registration order */
    public Set<String> names() {
        return tools.keySet();
    }

    /** @return whether there are no tools */
    public boolean isEmpty() {
        return tools.isEmpty();
    }

    /** @return whether the definitions ask Azure for strict-mode schema adherence */
    public boolean strict() {
        return strict;
    }

    @Override
    public String toString() {
        return "ToolRegistry" + tools.keySet() + (strict ? " (strict)" : "");
    }

    /**
     * Builds a {@link ToolRegistry}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, ToolFunction> tools = new LinkedHashMap<>();
        private boolean strict;

        private Builder() {
        }

        /**
         * @param tool a tool
         * @return this builder
         * @throws ToolRegistrationException when its name is refused or already registered
         */
        public Builder tool(ToolFunction tool) {
            Objects.requireNonNull(tool, "tool");
            String name = tool.name();
            try {
                ToolDefinition.requireValidName(name);
            } catch (IllegalArgumentException e) {
                throw new ToolRegistrationException("Cannot register " + tool + ": " + e.getMessage(), e);
            }
            ToolFunction earlier = tools.putIfAbsent(name, tool);
            if (earlier != null) {
                throw new ToolRegistrationException("Cannot register " + tool + ": the tool name '" + name
                        + "' is already taken by " + earlier + "; give one of them another name (@Tool(name = ...))");
            }
            return this;
        }

        /**
         * @param target an object with {@link Tool}-annotated methods (inherited ones included); static methods
         *     of its class count too
         * @return this builder
         * @throws ToolRegistrationException when it has no such method or one cannot be registered
         */
        public Builder toolsFrom(Object target) {
            Objects.requireNonNull(target, "target");
            List<Method> methods = annotatedMethods(target.getClass());
            if (methods.isEmpty()) {
                throw new ToolRegistrationException(target.getClass().getName() + " has no @Tool methods; annotate"
                        + " the methods the model may call with @Tool(name = ..., description = ...)");
            }
            methods.forEach(m -> tool(new MethodTool(target, m)));
            return this;
        }

        /**
         * @param registry a registry whose tools to add (its strict flag is not copied)
         * @return this builder
         */
        public Builder tools(ToolRegistry registry) {
            registry.tools.values().forEach(this::tool);
            return this;
        }

        /**
         * @param strict whether the definitions ask Azure to enforce the schemas exactly (structured outputs):
         *     every property required, optional ones nullable, maps refused. Default {@code false}
         * @return this builder
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * @return the registry
         * @throws ToolRegistrationException when a tool's schema cannot be expressed in the chosen mode
         */
        public ToolRegistry build() {
            List<ToolDefinition> definitions = new ArrayList<>();
            tools.values().forEach(t -> definitions.add(t.definition(strict)));
            return new ToolRegistry(Collections.unmodifiableMap(new LinkedHashMap<>(tools)), List.copyOf(definitions),
                    strict);
        }

        private void add(Object source) {
            if (source instanceof ToolFunction tool) {
                tool(tool);
            } else if (source instanceof ToolRegistry registry) {
                tools(registry);
            } else {
                toolsFrom(source);
            }
        }

        private static List<Method> annotatedMethods(Class<?> type) {
            List<Method> found = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                List<Method> own = new ArrayList<>(List.of(c.getDeclaredMethods()));
                own.sort(Comparator.comparing(Method::getName));
                for (Method m : own) {
                    String signature = m.getName() + List.of(m.getParameterTypes());
                    // the most derived annotated declaration wins; invoking it still dispatches to any override
                    if (!m.isBridge() && !m.isSynthetic() && m.isAnnotationPresent(Tool.class) && seen.add(signature)) {
                        found.add(m);
                    }
                }
            }
            return found;
        }
    }
}
