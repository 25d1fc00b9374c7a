package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.github.foundryagents.core.http.Json;
import java.lang.reflect.Type;
import java.util.stream.Collectors;

/**
 * The Jackson setup tools use: the library's {@link Json} settings plus {@code Optional} support, and strictness
 * where the model should hear about a mistake rather than have it ignored (unknown properties, trailing text,
 * duplicate keys). Thread-safe.
 */
final class ToolJson {

    static final ObjectMapper MAPPER = Json.mapper().copy()
            .registerModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ToolJson() {
    }

    static JavaType type(Type type) {
        return MAPPER.constructType(type);
    }

    /**
     * @param toolName for the message
     * @param arguments the arguments exactly as the model wrote them
     * @return the arguments object; blank text counts as {@code {}}
     * @throws ToolArgumentsException when the text is not a JSON object
     */
    static ObjectNode parseArguments(String toolName, String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return Json.object();
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(arguments);
        } catch (JsonProcessingException e) {
            throw new ToolArgumentsException(toolName, "the arguments are not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); send a JSON object that matches the tool's parameters");
        }
        if (!(tree instanceof ObjectNode)) {
            throw new ToolArgumentsException(toolName, "the arguments must be a JSON object, got "
                    + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return (ObjectNode) tree;
    }

    /**
     * @param toolName for the message
     * @param where the argument being bound, e.g. {@code "limit"}, or empty for the whole object
     * @param value the JSON value
     * @param type the Java type to bind to
     * @return the bound value
     * @throws ToolArgumentsException naming the property path when Jackson cannot bind it
     */
    static Object bind(String toolName, String where, JsonNode value, JavaType type) {
        try {
            return MAPPER.treeToValue(value, type);
        } catch (JsonMappingException e) {
            throw new ToolArgumentsException(toolName, describe(where, e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ToolArgumentsException(toolName, (where.isEmpty() ? "" : "'" + where + "': ") + e.getMessage());
        }
    }

    /**
     * @param toolName for the message
     * @param value what the tool returned
     * @return a {@code String} as is, anything else (including {@code null}) as JSON
     * @throws ToolExecutionException when the value cannot be written as JSON
     */
    static String content(String toolName, Object value) {
        if (value instanceof String text) {
            return text;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ToolExecutionException(toolName, "returned a " + value.getClass().getName()
                    + " that cannot be written as JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static String describe(String where, JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        String full = where + path;
        if (full.startsWith(".")) {
            full = full.substring(1);
        }
        return (full.isEmpty() ? "" : "'" + full + "': ") + e.getOriginalMessage();
    }
}
