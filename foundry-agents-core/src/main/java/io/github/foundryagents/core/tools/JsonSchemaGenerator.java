package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Generates the JSON schema of a Java type, as Azure OpenAI expects it for tool parameters.
 *
 * <table>
 * <caption>Java type to schema</caption>
 * <tr><th>Java</th><th>schema</th></tr>
 * <tr><td>{@code boolean}, {@code Boolean}</td><td>{@code boolean}</td></tr>
 * <tr><td>{@code byte short int long}, boxes, {@code BigInteger}</td><td>{@code integer}</td></tr>
 * <tr><td>{@code float double}, boxes, {@code BigDecimal}</td><td>{@code number}</td></tr>
 * <tr><td>{@code String}, {@code char}, {@code Character}</td><td>{@code string}</td></tr>
 * <tr><td>{@code LocalDate}, {@code Instant}/{@code OffsetDateTime}, {@code UUID}</td>
 *     <td>{@code string} with format {@code date}, {@code date-time}, {@code uuid}</td></tr>
 * <tr><td>enums</td><td>{@code string} with {@code enum} of the constants as Jackson writes them</td></tr>
 * <tr><td>arrays, {@code List}, {@code Set}, other collections</td><td>{@code array} with {@code items}</td></tr>
 * <tr><td>{@code Map<String, V>}</td><td>{@code object} with {@code additionalProperties} of V
 *     ({@code Map<String, Object>}: any object)</td></tr>
 * <tr><td>records and classes (nested)</td><td>{@code object} with Jackson's property names, descriptions and
 *     required flags from {@link ToolParam}, {@code additionalProperties: false}</td></tr>
 * <tr><td>{@code Optional<T>}</td><td>T, and the property is not required</td></tr>
 * </table>
 *
 * <p>In strict mode (Azure's structured outputs for tools) every object lists all its properties as required and
 * the optional ones become nullable ({@code "type": ["string", "null"]}); maps cannot be expressed there and are
 * refused. Recursive types are refused. Stateless and thread-safe.
 */
public final class JsonSchemaGenerator {

    private static final Map<Class<?>, String> SCALARS = Map.ofEntries(
            Map.entry(boolean.class, "boolean"), Map.entry(Boolean.class, "boolean"),
            Map.entry(byte.class, "integer"), Map.entry(Byte.class, "integer"),
            Map.entry(short.class, "integer"), Map.entry(Short.class, "integer"),
            Map.entry(int.class, "integer"), Map.entry(Integer.class, "integer"),
            Map.entry(long.class, "integer"), Map.entry(Long.class, "integer"),
            Map.entry(BigInteger.class, "integer"),
            Map.entry(float.class, "number"), Map.entry(Float.class, "number"),
            Map.entry(double.class, "number"), Map.entry(Double.class, "number"),
            Map.entry(BigDecimal.class, "number"),
            Map.entry(String.class, "string"), Map.entry(char.class, "string"), Map.entry(Character.class, "string"));
    private static final Map<Class<?>, String> FORMATS = Map.of(
            LocalDate.class, "date", Instant.class, "date-time", OffsetDateTime.class, "date-time",
            UUID.class, "uuid");

    private final boolean strict;
    private final Deque<Class<?>> enclosing = new ArrayDeque<>();

    private JsonSchemaGenerator(boolean strict) {
        this.strict = strict;
    }

    /**
     * @param type a Java type, e.g. a record class or a {@code TypeReference}'s type
     * @param strict whether to produce Azure strict-mode output
     * @return its schema
     * @throws IllegalArgumentException naming the property path and the type when a type has no schema
     */
    public static ObjectNode schema(Type type, boolean strict) {
        return new JsonSchemaGenerator(strict).schema(ToolJson.type(type), "$");
    }

    /**
     * @param properties the properties of an arguments object, e.g. a tool method's parameters
     * @param strict whether to produce Azure strict-mode output
     * @return the object's schema
     */
    static ObjectNode objectSchema(List<ToolProperty> properties, boolean strict) {
        return new JsonSchemaGenerator(strict).object(properties, "$");
    }

    /**
     * @param type a record or class used as a tool's arguments
     * @return its properties as Jackson binds them
     */
    static List<ToolProperty> properties(JavaType type) {
        BeanDescription bean = ToolJson.MAPPER.getDeserializationConfig().introspect(type);
        List<ToolProperty> out = new ArrayList<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (p.couldDeserialize()) {
                out.add(ToolProperty.of(p.getName(), p.getPrimaryType(), annotation(p)));
            }
        }
        return out;
    }

    private ObjectNode schema(JavaType type, String path) {
        Class<?> raw = type.getRawClass();
        if (SCALARS.containsKey(raw)) {
            return Json.object().put("type", SCALARS.get(raw));
        }
        if (FORMATS.containsKey(raw)) {
            return Json.object().put("type", "string").put("format", FORMATS.get(raw));
        }
        if (raw == Optional.class) {
            return schema(type.containedTypeOrUnknown(0), path);
        }
        if (raw.isEnum()) {
            ObjectNode node = Json.object().put("type", "string");
            ArrayNode values = node.putArray("enum");
            Stream.of(raw.getEnumConstants()).forEach(c -> values.add(ToolJson.MAPPER.convertValue(c, String.class)));
            return node;
        }
        if (raw == byte[].class) {
            throw unsupported(path, type, "binary data cannot be sent by the model; take a String");
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            ObjectNode node = Json.object().put("type", "array");
            node.set("items", schema(type.getContentType(), path + "[]"));
            return node;
        }
        if (type.isMapLikeType()) {
            return map(type, path);
        }
        if (isBean(raw)) {
            return bean(type, path);
        }
        throw unsupported(path, type, "use a primitive, String, enum, record, class, List, Map or Optional");
    }

    private ObjectNode map(JavaType type, String path) {
        if (strict) {
            throw unsupported(path, type, "strict mode needs every property named in advance; use a list of"
                    + " key/value records or turn strict mode off");
        }
        if (type.getKeyType().getRawClass() != String.class) {
            throw unsupported(path, type, "JSON object keys are strings; use Map<String, V>");
        }
        ObjectNode node = Json.object().put("type", "object");
        if (type.getContentType().getRawClass() != Object.class) {
            node.set("additionalProperties", schema(type.getContentType(), path + ".*"));
        }
        return node;
    }

    private ObjectNode bean(JavaType type, String path) {
        Class<?> raw = type.getRawClass();
        if (enclosing.contains(raw)) {
            throw unsupported(path, type, "it contains itself; recursive types have no finite schema");
        }
        enclosing.push(raw);
        try {
            return object(properties(type), path);
        } finally {
            enclosing.pop();
        }
    }

    private ObjectNode object(List<ToolProperty> properties, String path) {
        ObjectNode node = Json.object().put("type", "object");
        ObjectNode props = node.putObject("properties");
        ArrayNode required = Json.mapper().createArrayNode();
        for (ToolProperty p : properties) {
            ObjectNode schema = schema(p.type(), path + "." + p.name());
            if (!p.description().isEmpty()) {
                schema.put("description", p.description());
            }
            if (p.required() || strict) {
                required.add(p.name());
            }
            if (!p.required() && strict) {
                nullable(schema);
            }
            props.set(p.name(), schema);
        }
        node.set("required", required);
        node.put("additionalProperties", false);
        return node;
    }

    private static void nullable(ObjectNode schema) {
        String type = schema.path("type").asText();
        schema.set("type", Json.mapper().createArrayNode().add(type).add("null"));
        if (schema.get("enum") instanceof ArrayNode values) {
            values.addNull();
        }
    }

    static boolean isBean(Class<?> raw) {
        String pkg = raw.getPackageName();
        return !raw.isPrimitive() && !raw.isInterface() && !Modifier.isAbstract(raw.getModifiers())
                && !pkg.startsWith("java.") && !pkg.startsWith("javax.") && !pkg.startsWith("com.fasterxml.");
    }

    private static ToolParam annotation(BeanPropertyDefinition p) {
        for (AnnotatedMember member : new AnnotatedMember[] {p.getConstructorParameter(), p.getField(),
                p.getSetter(), p.getGetter()}) {
            ToolParam found = member == null ? null : member.getAnnotation(ToolParam.class);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static IllegalArgumentException unsupported(String path, JavaType type, String hint) {
        return new IllegalArgumentException("no JSON schema for " + path + " of type " + type.toCanonical() + ": "
                + hint);
    }
}
