package io.github.foundryagents.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks the model's arguments against a tool's (non-strict) schema before binding: required properties present
 * and not null, no unknown properties, at every depth. Jackson then checks the value types. Both report paths
 * such as {@code filters.from} so the model can fix the exact spot. Stateless.
 */
final class ArgumentValidator {

    private ArgumentValidator() {
    }

    /**
     * @param toolName for the message
     * @param schema the tool's non-strict parameters schema
     * @param arguments the parsed arguments
     * @throws ToolArgumentsException listing every problem found
     */
    static void validate(String toolName, JsonNode schema, JsonNode arguments) {
        List<String> problems = new ArrayList<>();
        check(schema, arguments, "", problems);
        if (!problems.isEmpty()) {
            throw new ToolArgumentsException(toolName, String.join("; ", problems));
        }
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isObject() && schema.has("properties")) {
            checkObject(schema, value, path, problems);
        } else if (value.isObject() && schema.path("additionalProperties").isObject()) {
            value.fields().forEachRemaining(e ->
                    check(schema.get("additionalProperties"), e.getValue(), join(path, e.getKey()), problems));
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> problems) {
        JsonNode properties = schema.get("properties");
        for (JsonNode name : schema.path("required")) {
            JsonNode present = value.get(name.asText());
            if (present == null || present.isNull()) {
                problems.add("missing required property '" + join(path, name.asText()) + "'");
            }
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (properties.has(field)) {
                check(properties.get(field), value.get(field), join(path, field), problems);
            } else if (schema.path("additionalProperties").isBoolean()
                    && !schema.get("additionalProperties").asBoolean()) {
                List<String> known = names(properties);
                problems.add("unknown property '" + join(path, field) + "' " + (known.isEmpty()
                        ? "(none are expected)" : "(expected one of: " + String.join(", ", known) + ")"));
            }
        }
    }

    private static List<String> names(JsonNode properties) {
        List<String> out = new ArrayList<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
